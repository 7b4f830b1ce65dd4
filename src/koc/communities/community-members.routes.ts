// Community members over HTTP (list, add with overflow, remove), per-group stats, and the membership
// sync a channel adapter reports for a channel group. The koc role sees its own communities' stats and,
// of their members, its own fans.
import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../../platform/auth/principal.js';
import { kocScope } from '../../platform/auth/workspace-access.js';
import type { AppDeps, GuimiApp } from '../../platform/http/context.js';
import { accessOf, guard } from '../../platform/http/guards.js';
import { errorResponses, jsonBody, jsonContent, WorkspaceParam } from '../../platform/http/schemas.js';
import { addCommunityMembers } from './add-community-members.js';
import { COMMUNITY_ROLES, MembersInput } from './community-input.js';
import { communityStats } from './community-stats.js';
import { assertKocCommunity } from './koc-communities.js';
import { listCommunityMembers } from './list-community-members.js';
import { removeCommunityMembers } from './remove-community-members.js';
import { syncGroupMembers } from './sync-group-members.js';

const base = '/api/v1/workspaces/{ws}/communities';
const Member = z.object({
  contactId: z.number(),
  name: z.string().nullable(),
  groupId: z.string(),
  role: z.string(),
  joinedAt: z.string(),
});
const Stats = z.object({
  communityId: z.string(),
  days: z.number(),
  members: z.number(),
  interacting: z.number(),
  interactionRate: z.number(),
  groups: z.array(
    z.object({
      groupId: z.string(),
      name: z.string(),
      members: z.number(),
      interacting: z.number(),
      interactionRate: z.number(),
      daily: z.array(z.object({ day: z.string(), messages: z.number() })),
    }),
  ),
});
const IdParams = WorkspaceParam.extend({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });
const MemberParams = IdParams.extend({
  contactId: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'contactId', in: 'path' } }),
});
const GroupParams = WorkspaceParam.extend({
  groupId: z.string().openapi({ param: { name: 'groupId', in: 'path' } }),
});

export function registerCommunityMemberRoutes(app: GuimiApp, deps: AppDeps): void {
  const db = deps.store.db;
  const tags = ['communities'];
  const ctx = (a: ReturnType<typeof accessOf>) => ({ actor: actorOf(a.principal), now: deps.clock.now() });
  app.openapi(
    createRoute({
      ...guard(deps, 'read:own'),
      method: 'get',
      path: `${base}/{id}/members`,
      tags,
      summary: 'Members with their group and role (keyset on contact id)',
      request: {
        params: IdParams,
        query: z.object({
          after: z.coerce.number().int().min(0).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
          role: z.enum(COMMUNITY_ROLES).optional(),
        }),
      },
      responses: {
        200: jsonContent(z.object({ items: z.array(Member), nextAfter: z.number().nullable() }), 'Members'),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const a = accessOf(c);
      const q = c.req.valid('query');
      const { id } = c.req.valid('param');
      const kocId = kocScope(a);
      await assertKocCommunity(db, a.workspace.id, id, kocId);
      const page = await listCommunityMembers(db, a.workspace.id, id, {
        limit: q.limit,
        role: q.role,
        ownerKocId: kocId,
        ...(q.after !== undefined ? { afterId: q.after } : {}),
      });
      return c.json({ items: z.array(Member).parse(page.items), nextAfter: page.nextAfter }, 200);
    },
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      method: 'post',
      path: `${base}/{id}/members`,
      tags,
      summary: 'Add fans (overflowing into new groups when full) or change their role',
      request: { params: IdParams, body: jsonBody(MembersInput) },
      responses: {
        200: jsonContent(
          z.object({
            joined: z.array(z.object({ contactId: z.number(), groupId: z.string() })),
            roleChanged: z.number(),
            groupsOpened: z.number(),
          }),
          'Added',
        ),
        ...errorResponses(400, 401, 403, 404, 415),
      },
    }),
    async (c) => {
      const a = accessOf(c);
      const r = await addCommunityMembers(
        db,
        a.workspace.id,
        c.req.valid('param').id,
        c.req.valid('json'),
        ctx(a),
      );
      return c.json(r, 200);
    },
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      method: 'delete',
      path: `${base}/{id}/members/{contactId}`,
      tags,
      summary: 'Remove a fan from the community',
      request: { params: MemberParams },
      responses: { 204: { description: 'Removed' }, ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const a = accessOf(c);
      const p = c.req.valid('param');
      await removeCommunityMembers(db, a.workspace.id, p.id, [p.contactId], ctx(a));
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'read:own'),
      method: 'get',
      path: `${base}/{id}/stats`,
      tags,
      summary: 'Members, interaction rate and daily messages per group over a window',
      request: {
        params: IdParams,
        query: z.object({ days: z.coerce.number().int().min(1).max(365).default(7) }),
      },
      responses: { 200: jsonContent(Stats, 'Stats'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const a = accessOf(c);
      const { id } = c.req.valid('param');
      await assertKocCommunity(db, a.workspace.id, id, kocScope(a));
      const stats = await communityStats(db, a.workspace.id, id, {
        days: c.req.valid('query').days,
        now: deps.clock.now(),
      });
      return c.json(Stats.parse(stats), 200);
    },
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      method: 'put',
      path: '/api/v1/workspaces/{ws}/channel-groups/{groupId}/members',
      tags,
      summary: "A channel reports a group's full member list; joins and leaves are applied",
      request: {
        params: GroupParams,
        body: jsonBody(z.strictObject({ contactIds: z.array(z.number().int().positive()).max(10_000) })),
      },
      responses: {
        200: jsonContent(
          z.object({
            communityId: z.string().nullable(),
            joined: z.array(z.number()),
            left: z.array(z.number()),
          }),
          'Applied',
        ),
        ...errorResponses(400, 401, 403, 404, 415),
      },
    }),
    async (c) => {
      const a = accessOf(c);
      const r = await syncGroupMembers(
        db,
        a.workspace.id,
        c.req.valid('param').groupId,
        c.req.valid('json').contactIds,
        deps.clock.now(),
      );
      return c.json(r, 200);
    },
  );
}
