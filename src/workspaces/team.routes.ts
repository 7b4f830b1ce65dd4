// Members and API tokens of a workspace (owner only).
import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../platform/auth/principal.js';
import { roles } from '../platform/auth/roles.js';
import type { RouteRegistrar } from '../platform/http/context.js';
import { accessOf, guard } from '../platform/http/guards.js';
import { errorResponses, jsonBody, jsonContent, WorkspaceParam } from '../platform/http/schemas.js';
import { AddMemberInput, addMember } from './add-member.js';
import { changeMemberRole } from './change-member-role.js';
import { createToken, NewTokenInput } from './create-token.js';
import { listMembers } from './list-members.js';
import { listTokens } from './list-tokens.js';
import { removeMember } from './remove-member.js';
import { revokeToken } from './revoke-token.js';

const Member = z
  .object({
    userId: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.string(),
    createdAt: z.string(),
  })
  .openapi('Member');
const Token = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.string(),
    prefix: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('ApiToken');
const MemberParams = WorkspaceParam.extend({
  userId: z.string().openapi({ param: { name: 'userId', in: 'path' } }),
});
const TokenParams = WorkspaceParam.extend({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });

export const registerTeamRoutes: RouteRegistrar = (app, deps) => {
  const ctx = (actor: string) => ({ actor, now: deps.clock.now() });

  app.openapi(
    createRoute({
      ...guard(deps, 'manage'),
      method: 'get',
      path: '/api/v1/workspaces/{ws}/members',
      tags: ['team'],
      summary: 'Members and their roles',
      request: { params: WorkspaceParam },
      responses: {
        200: jsonContent(z.object({ items: z.array(Member) }), 'Members'),
        ...errorResponses(401, 403, 404),
      },
    }),
    async (c) => {
      const access = accessOf(c);
      return c.json(
        { items: z.array(Member).parse(await listMembers(deps.store.db, access.workspace.id)) },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'manage'),
      method: 'post',
      path: '/api/v1/workspaces/{ws}/members',
      tags: ['team'],
      summary: 'Add a member (a new email also needs a password)',
      request: { params: WorkspaceParam, body: jsonBody(AddMemberInput) },
      responses: { 201: jsonContent(Member, 'Added'), ...errorResponses(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const access = accessOf(c);
      const m = await addMember(
        deps.store.db,
        access.workspace.id,
        c.req.valid('json'),
        ctx(actorOf(access.principal)),
      );
      return c.json(Member.parse(m), 201);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'manage'),
      method: 'patch',
      path: '/api/v1/workspaces/{ws}/members/{userId}',
      tags: ['team'],
      summary: "Change a member's role",
      request: { params: MemberParams, body: jsonBody(z.strictObject({ role: z.enum(roles) })) },
      responses: { 200: jsonContent(Member, 'Changed'), ...errorResponses(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const access = accessOf(c);
      const { userId } = c.req.valid('param');
      const m = await changeMemberRole(
        deps.store.db,
        access.workspace.id,
        userId,
        c.req.valid('json').role,
        ctx(actorOf(access.principal)),
      );
      return c.json(Member.parse(m), 200);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'manage'),
      method: 'delete',
      path: '/api/v1/workspaces/{ws}/members/{userId}',
      tags: ['team'],
      summary: 'Remove a member',
      request: { params: MemberParams },
      responses: { 204: { description: 'Removed' }, ...errorResponses(401, 403, 404, 409) },
    }),
    async (c) => {
      const access = accessOf(c);
      await removeMember(
        deps.store.db,
        access.workspace.id,
        c.req.valid('param').userId,
        ctx(actorOf(access.principal)),
      );
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'manage'),
      method: 'get',
      path: '/api/v1/workspaces/{ws}/tokens',
      tags: ['team'],
      summary: 'API tokens (never their secrets)',
      request: { params: WorkspaceParam },
      responses: {
        200: jsonContent(z.object({ items: z.array(Token) }), 'Tokens'),
        ...errorResponses(401, 403, 404),
      },
    }),
    async (c) => {
      const access = accessOf(c);
      return c.json(
        { items: z.array(Token).parse(await listTokens(deps.store.db, access.workspace.id)) },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'manage'),
      method: 'post',
      path: '/api/v1/workspaces/{ws}/tokens',
      tags: ['team'],
      summary: 'Create an API token; its secret is shown only in this response',
      request: { params: WorkspaceParam, body: jsonBody(NewTokenInput) },
      responses: {
        201: jsonContent(z.object({ token: Token, secret: z.string() }), 'Created'),
        ...errorResponses(400, 401, 403, 404, 415),
      },
    }),
    async (c) => {
      const access = accessOf(c);
      const createdBy = access.principal.kind === 'user' ? access.principal.userId : null;
      const r = await createToken(deps.store.db, access.workspace.id, c.req.valid('json'), {
        ...ctx(actorOf(access.principal)),
        createdBy,
      });
      return c.json({ token: Token.parse(r.token), secret: r.secret }, 201);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'manage'),
      method: 'delete',
      path: '/api/v1/workspaces/{ws}/tokens/{id}',
      tags: ['team'],
      summary: 'Revoke an API token',
      request: { params: TokenParams },
      responses: { 204: { description: 'Revoked' }, ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const access = accessOf(c);
      await revokeToken(
        deps.store.db,
        access.workspace.id,
        c.req.valid('param').id,
        ctx(actorOf(access.principal)),
      );
      return c.body(null, 204);
    },
  );
};
