// The KOC roster: list/search, add, change, status with history, fan attribution, social followers. The
// koc role sees only its own KOC here.
import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../../platform/auth/principal.js';
import { roleSeesPii } from '../../platform/auth/roles.js';
import type { RouteRegistrar } from '../../platform/http/context.js';
import { kocScope } from '../../platform/auth/workspace-access.js';
import { accessOf, guard } from '../../platform/http/guards.js';
import {
  errorResponses,
  jsonBody,
  jsonContent,
  PageQuery,
  WorkspaceParam,
} from '../../platform/http/schemas.js';
import { addSocialFollowers } from './add-social-followers.js';
import { attributeFans } from './attribute-fans.js';
import { createKoc } from './create-koc.js';
import { getKoc } from './get-koc.js';
import { KOC_KINDS, KOC_STATUSES, KocPatch, NewKocInput } from './koc-input.js';
import { assertMayView } from './koc-scope.js';
import { listKocs } from './list-kocs.js';
import { setKocStatus } from './set-koc-status.js';
import { updateKoc } from './update-koc.js';

export const SocialAccount = z
  .object({
    platform: z.string(),
    handle: z.string(),
    followers: z.number(),
    avgReads: z.number(),
    avgLikes: z.number(),
    avgComments: z.number(),
    interactionRate: z.number().nullable(),
    category: z.string().nullable(),
    city: z.string().nullable(),
  })
  .openapi('KocSocialAccount');

export const Koc = z
  .object({
    id: z.string(),
    kind: z.string(),
    name: z.string(),
    phone: z.string().nullable().openapi({ description: 'masked for roles that may not see PII' }),
    contactId: z.number().nullable(),
    accountId: z.string().nullable(),
    status: z.string(),
    category: z.string().nullable(),
    city: z.string().nullable(),
    fans: z.number().int().openapi({ description: 'contacts attributed to this KOC' }),
    followers: z.number().int().openapi({ description: 'sum over social accounts' }),
    socialAccounts: z.array(SocialAccount),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Koc');

export const KocParams = WorkspaceParam.extend({
  kocId: z.string().openapi({ param: { name: 'kocId', in: 'path' } }),
});

const base = '/api/v1/workspaces/{ws}/kocs';
const ListQuery = PageQuery.extend({
  kind: z.enum(KOC_KINDS).optional(),
  status: z.enum(KOC_STATUSES).optional(),
  category: z.string().max(50).optional(),
  city: z.string().max(50).optional(),
  q: z.string().max(100).optional().openapi({ description: 'search name and social handles' }),
});
const KocDetail = z
  .object({
    koc: Koc,
    history: z.array(
      z.object({
        from: z.string().nullable(),
        to: z.string(),
        actor: z.string(),
        reason: z.string().nullable(),
        at: z.string(),
      }),
    ),
  })
  .openapi('KocDetail');
const StatusInput = z.strictObject({
  status: z.enum(KOC_STATUSES),
  reason: z.string().trim().max(500).optional(),
});
const FansInput = z.strictObject({ contactIds: z.array(z.number().int().positive()).min(1).max(100_000) });

export const registerKocRosterRoutes: RouteRegistrar = (app, deps) => {
  const tags = ['koc'];

  app.openapi(
    createRoute({
      ...guard(deps, 'read:own'),
      tags,
      method: 'get',
      path: base,
      summary: 'The KOC roster (filter by kind, status, category, city; search names and handles)',
      request: { params: WorkspaceParam, query: ListQuery },
      responses: {
        200: jsonContent(z.object({ items: z.array(Koc), nextCursor: z.string().nullable() }), 'A page'),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const a = accessOf(c);
      const only = kocScope(a);
      const query = c.req.valid('query');
      // The koc role's roster is its own KOC, whatever the filters.
      const page =
        only === undefined
          ? await listKocs(deps.store.db, a.workspace.id, query, roleSeesPii(a.role))
          : await listKocs(deps.store.db, a.workspace.id, { ids: [only] }, false);
      return c.json({ items: z.array(Koc).parse(page.items), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      tags,
      method: 'post',
      path: base,
      summary: 'Add a KOC (employee, guide or user) with its social accounts',
      request: { params: WorkspaceParam, body: jsonBody(NewKocInput) },
      responses: { 201: jsonContent(Koc, 'Added'), ...errorResponses(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const a = accessOf(c);
      const opts = { actor: actorOf(a.principal), now: deps.clock.now(), seesPii: roleSeesPii(a.role) };
      return c.json(
        Koc.parse(await createKoc(deps.store.db, a.workspace.id, c.req.valid('json'), opts)),
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'read:own'),
      tags,
      method: 'get',
      path: `${base}/{kocId}`,
      summary: 'A KOC with its status history',
      request: { params: KocParams },
      responses: { 200: jsonContent(KocDetail, 'The KOC'), ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const a = accessOf(c);
      const { kocId } = c.req.valid('param');
      assertMayView(a, kocId);
      return c.json(
        KocDetail.parse(await getKoc(deps.store.db, a.workspace.id, kocId, roleSeesPii(a.role))),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      tags,
      method: 'patch',
      path: `${base}/{kocId}`,
      summary: 'Change a KOC (absent fields kept, null clears; socialAccounts replaces the list)',
      request: { params: KocParams, body: jsonBody(KocPatch) },
      responses: { 200: jsonContent(Koc, 'Changed'), ...errorResponses(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const a = accessOf(c);
      const opts = { actor: actorOf(a.principal), now: deps.clock.now(), seesPii: roleSeesPii(a.role) };
      const v = await updateKoc(
        deps.store.db,
        a.workspace.id,
        c.req.valid('param').kocId,
        c.req.valid('json'),
        opts,
      );
      return c.json(Koc.parse(v), 200);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      tags,
      method: 'post',
      path: `${base}/{kocId}/status`,
      summary: 'Change a KOC’s status (kept in its history with actor and reason)',
      request: { params: KocParams, body: jsonBody(StatusInput) },
      responses: {
        200: jsonContent(z.object({ from: z.string(), to: z.string() }), 'Changed'),
        ...errorResponses(400, 401, 403, 404, 409, 415),
      },
    }),
    async (c) => {
      const a = accessOf(c);
      const { status, reason } = c.req.valid('json');
      const r = await setKocStatus(deps.store.db, a.workspace.id, c.req.valid('param').kocId, status, {
        actor: actorOf(a.principal),
        reason,
        now: deps.clock.now(),
      });
      return c.json(r, 200);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      tags,
      method: 'post',
      path: `${base}/{kocId}/fans`,
      summary: 'Attribute contacts to this KOC’s fan pool (moves them from any other KOC)',
      request: { params: KocParams, body: jsonBody(FansInput) },
      responses: {
        200: jsonContent(z.object({ attributed: z.number().int() }), 'Attributed'),
        ...errorResponses(400, 401, 403, 404, 409, 415),
      },
    }),
    async (c) => {
      const a = accessOf(c);
      const r = await attributeFans(
        deps.store.db,
        a.workspace.id,
        c.req.valid('param').kocId,
        c.req.valid('json').contactIds,
        deps.clock.now(),
      );
      return c.json(r, 200);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      tags,
      method: 'post',
      path: `${base}/{kocId}/followers`,
      summary: 'Record contacts following this KOC’s social accounts (a fan may follow several KOCs)',
      request: { params: KocParams, body: jsonBody(FansInput) },
      responses: {
        200: jsonContent(z.object({ added: z.number().int() }), 'Recorded'),
        ...errorResponses(400, 401, 403, 404, 409, 415),
      },
    }),
    async (c) => {
      const a = accessOf(c);
      const r = await addSocialFollowers(
        deps.store.db,
        a.workspace.id,
        c.req.valid('param').kocId,
        c.req.valid('json').contactIds,
      );
      return c.json(r, 200);
    },
  );
};
