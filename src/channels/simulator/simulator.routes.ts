// The simulator in the console: create virtual robot accounts, give them friends and groups, read the inbox.
import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../../platform/auth/principal.js';
import type { RouteRegistrar } from '../../platform/http/context.js';
import { accessOf, guard } from '../../platform/http/guards.js';
import {
  errorResponses,
  jsonBody,
  jsonContent,
  PageQuery,
  WorkspaceParam,
} from '../../platform/http/schemas.js';
import { addSimFriends } from './add-sim-friends.js';
import { createSimAccount } from './create-sim-account.js';
import { createSimGroup } from './create-sim-group.js';
import { listSimInbox } from './list-sim-inbox.js';
import { SimSettings } from './sim-settings.js';

const Account = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.string(),
    personal: z.boolean(),
    settings: SimSettings,
    createdAt: z.string(),
  })
  .openapi('SimAccount');
const Message = z
  .object({
    seq: z.number(),
    accountId: z.string(),
    direction: z.enum(['in', 'out']),
    kind: z.string(),
    touchId: z.string().nullable(),
    contactId: z.number().nullable(),
    groupId: z.string().nullable(),
    text: z.string(),
    at: z.string(),
  })
  .openapi('SimMessage');
const Members = z.strictObject({
  contactIds: z.array(z.number().int()).max(100_000).optional(),
  segment: z.string().min(1).max(10_000).optional().openapi({ description: 'segment expression' }),
});
const AccountParams = WorkspaceParam.extend({
  id: z.string().openapi({ param: { name: 'id', in: 'path' } }),
});

export const registerSimulatorRoutes: RouteRegistrar = (app, deps) => {
  const base = '/api/v1/workspaces/{ws}/simulator';
  app.openapi(
    createRoute({
      ...guard(deps, 'read'),
      method: 'get',
      path: `${base}/inbox`,
      tags: ['simulator'],
      summary: 'Messages robots sent and fans replied, newest first',
      request: {
        params: WorkspaceParam,
        query: PageQuery.extend({
          accountId: z.string().optional(),
          contactId: z.coerce.number().int().optional(),
          groupId: z.string().optional(),
        }),
      },
      responses: {
        200: jsonContent(z.object({ items: z.array(Message), nextCursor: z.string().nullable() }), 'Inbox'),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const r = await listSimInbox(deps.store.db, accessOf(c).workspace.id, c.req.valid('query'));
      return c.json({ items: z.array(Message).parse(r.items), nextCursor: r.nextCursor }, 200);
    },
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      method: 'post',
      path: `${base}/accounts`,
      tags: ['simulator'],
      summary: 'Create a simulator robot account',
      request: {
        params: WorkspaceParam,
        body: jsonBody(
          z.strictObject({
            name: z.string().min(1).max(100),
            personal: z.boolean().optional(),
            settings: SimSettings.partial().optional(),
          }),
        ),
      },
      responses: { 201: jsonContent(Account, 'Created'), ...errorResponses(400, 401, 403, 404, 415) },
    }),
    async (c) => {
      const access = accessOf(c);
      const a = await createSimAccount(deps.store.db, access.workspace.id, c.req.valid('json'), {
        actor: actorOf(access.principal),
        now: deps.clock.now(),
      });
      return c.json(Account.parse(a), 201);
    },
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      method: 'post',
      path: `${base}/accounts/{id}/friends`,
      tags: ['simulator'],
      summary: 'Add contacts (ids or a segment expression) as friends of the account',
      request: { params: AccountParams, body: jsonBody(Members) },
      responses: {
        200: jsonContent(z.object({ added: z.number() }), 'Added'),
        ...errorResponses(400, 401, 403, 404, 415),
      },
    }),
    async (c) => {
      const r = await addSimFriends(
        deps.store,
        accessOf(c).workspace.id,
        c.req.valid('param').id,
        c.req.valid('json'),
        deps.clock.now(),
      );
      return c.json(r, 200);
    },
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      method: 'post',
      path: `${base}/accounts/{id}/groups`,
      tags: ['simulator'],
      summary: 'Create a group of the account with members (ids or a segment expression)',
      request: {
        params: AccountParams,
        body: jsonBody(Members.extend({ name: z.string().min(1).max(100) })),
      },
      responses: {
        201: jsonContent(z.object({ id: z.string(), name: z.string(), members: z.number() }), 'Created'),
        ...errorResponses(400, 401, 403, 404, 415),
      },
    }),
    async (c) => {
      const r = await createSimGroup(
        deps.store,
        accessOf(c).workspace.id,
        c.req.valid('param').id,
        c.req.valid('json'),
        deps.clock.now(),
      );
      return c.json(r, 201);
    },
  );
};
