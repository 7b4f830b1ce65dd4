// Communities (社群) over HTTP: CRUD here, members and stats in community-members.routes.ts. The koc role
// sees only its own communities (koc-communities.ts).
import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../../platform/auth/principal.js';
import { kocScope } from '../../platform/auth/workspace-access.js';
import type { RouteRegistrar } from '../../platform/http/context.js';
import { accessOf, guard } from '../../platform/http/guards.js';
import { errorResponses, jsonBody, jsonContent, WorkspaceParam } from '../../platform/http/schemas.js';
import { COMMUNITY_TYPES } from '../ladder/ladder-settings.js';
import { CommunityInput, CommunityPatch } from './community-input.js';
import { registerCommunityMemberRoutes } from './community-members.routes.js';
import { getCommunity } from './community-view.js';
import { createCommunity } from './create-community.js';
import { deleteCommunity } from './delete-community.js';
import { assertKocCommunity, kocCommunityIds } from './koc-communities.js';
import { listCommunities } from './list-communities.js';
import { updateCommunity } from './update-community.js';

const base = '/api/v1/workspaces/{ws}/communities';
const Community = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.string(),
    tags: z.array(z.string()),
    ownerAccountId: z.string(),
    capacity: z.number(),
    welcomeScriptId: z.string().nullable(),
    tier: z.string().nullable(),
    groups: z.array(
      z.object({ groupId: z.string(), name: z.string(), position: z.number(), members: z.number() }),
    ),
    members: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Community');
const IdParams = WorkspaceParam.extend({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });

export const registerCommunityRoutes: RouteRegistrar = (app, deps) => {
  const db = deps.store.db;
  const tags = ['communities'];
  const ctx = (a: ReturnType<typeof accessOf>) => ({ actor: actorOf(a.principal), now: deps.clock.now() });
  app.openapi(
    createRoute({
      ...guard(deps, 'read:own'),
      method: 'get',
      path: base,
      tags,
      summary: 'Communities, optionally of a type or holding a contact',
      request: {
        params: WorkspaceParam,
        query: z.object({
          type: z.enum(COMMUNITY_TYPES).optional(),
          contactId: z.coerce.number().int().positive().optional(),
        }),
      },
      responses: {
        200: jsonContent(z.object({ items: z.array(Community) }), 'Communities'),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const a = accessOf(c);
      const kocId = kocScope(a);
      const items = await listCommunities(db, a.workspace.id, {
        ...c.req.valid('query'),
        ids: kocId === undefined ? undefined : await kocCommunityIds(db, a.workspace.id, kocId),
      });
      return c.json({ items: z.array(Community).parse(items) }, 200);
    },
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      method: 'post',
      path: base,
      tags,
      summary: 'Create a community with its first group on the owner account',
      request: { params: WorkspaceParam, body: jsonBody(CommunityInput) },
      responses: { 201: jsonContent(Community, 'Created'), ...errorResponses(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const a = accessOf(c);
      return c.json(
        Community.parse(await createCommunity(db, a.workspace.id, c.req.valid('json'), ctx(a))),
        201,
      );
    },
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'read:own'),
      method: 'get',
      path: `${base}/{id}`,
      tags,
      summary: 'A community with its groups',
      request: { params: IdParams },
      responses: { 200: jsonContent(Community, 'The community'), ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const a = accessOf(c);
      const { id } = c.req.valid('param');
      await assertKocCommunity(db, a.workspace.id, id, kocScope(a));
      return c.json(Community.parse(await getCommunity(db, a.workspace.id, id)), 200);
    },
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      method: 'patch',
      path: `${base}/{id}`,
      tags,
      summary: "Change a community's name, tags, capacity, welcome script or tier",
      request: { params: IdParams, body: jsonBody(CommunityPatch) },
      responses: { 200: jsonContent(Community, 'Changed'), ...errorResponses(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const a = accessOf(c);
      const view = await updateCommunity(
        db,
        a.workspace.id,
        c.req.valid('param').id,
        c.req.valid('json'),
        ctx(a),
      );
      return c.json(Community.parse(view), 200);
    },
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      method: 'delete',
      path: `${base}/{id}`,
      tags,
      summary: 'Delete a community and its groups',
      request: { params: IdParams },
      responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const a = accessOf(c);
      await deleteCommunity(db, a.workspace.id, c.req.valid('param').id, ctx(a));
      return c.body(null, 204);
    },
  );
  registerCommunityMemberRoutes(app, deps);
};
