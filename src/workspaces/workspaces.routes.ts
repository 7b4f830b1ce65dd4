import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../platform/auth/principal.js';
import type { RouteRegistrar } from '../platform/http/context.js';
import { accessOf, guard, requireUser, userOnly } from '../platform/http/guards.js';
import {
  errorResponses,
  jsonBody,
  jsonContent,
  PageQuery,
  WorkspaceParam,
} from '../platform/http/schemas.js';
import { createWorkspace, NewWorkspaceInput } from './create-workspace.js';
import { listAudit } from './list-audit.js';
import { listUserWorkspaces } from './list-workspaces.js';

export const WorkspaceSchema = z
  .object({ id: z.string(), slug: z.string(), name: z.string(), timezone: z.string(), role: z.string() })
  .openapi('Workspace');
const AuditItem = z
  .object({
    id: z.string(),
    actor: z.string(),
    action: z.string(),
    target: z.string().nullable(),
    details: z.record(z.string(), z.unknown()).nullable(),
    at: z.string(),
  })
  .openapi('AuditItem');

export const registerWorkspaceRoutes: RouteRegistrar = (app, deps) => {
  app.openapi(
    createRoute({
      ...userOnly(),
      method: 'get',
      path: '/api/v1/workspaces',
      tags: ['workspaces'],
      summary: 'Workspaces of the logged-in user',
      responses: {
        200: jsonContent(z.object({ items: z.array(WorkspaceSchema) }), 'Workspaces'),
        ...errorResponses(401, 403),
      },
    }),
    async (c) => {
      const user = requireUser(c);
      const items = await listUserWorkspaces(deps.store.db, user.userId);
      return c.json({ items: z.array(WorkspaceSchema).parse(items) }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...userOnly(),
      method: 'post',
      path: '/api/v1/workspaces',
      tags: ['workspaces'],
      summary: 'Create a workspace (one brand); the creator becomes its owner',
      request: { body: jsonBody(NewWorkspaceInput) },
      responses: { 201: jsonContent(WorkspaceSchema, 'Created'), ...errorResponses(400, 401, 403, 409, 415) },
    }),
    async (c) => {
      const user = requireUser(c);
      const ws = await createWorkspace(deps.store.db, c.req.valid('json'), {
        actor: actorOf(user),
        ownerUserId: user.userId,
        defaultTimezone: deps.config.GUIMI_TIMEZONE,
        now: deps.clock.now(),
      });
      return c.json(WorkspaceSchema.parse({ ...ws, role: 'owner' }), 201);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'read:own'),
      method: 'get',
      path: '/api/v1/workspaces/{ws}',
      tags: ['workspaces'],
      summary: 'A workspace and your role in it',
      request: { params: WorkspaceParam },
      responses: { 200: jsonContent(WorkspaceSchema, 'Workspace'), ...errorResponses(401, 404) },
    }),
    async (c) => {
      const access = accessOf(c);
      return c.json(WorkspaceSchema.parse({ ...access.workspace, role: access.role }), 200);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'manage'),
      method: 'get',
      path: '/api/v1/workspaces/{ws}/audit',
      tags: ['workspaces'],
      summary: 'Audit log: who changed what, when (newest first)',
      request: { params: WorkspaceParam, query: PageQuery },
      responses: {
        200: jsonContent(
          z.object({ items: z.array(AuditItem), nextCursor: z.string().nullable() }),
          'A page of entries',
        ),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const access = accessOf(c);
      const page = await listAudit(deps.store.db, access.workspace.id, c.req.valid('query'));
      return c.json({ items: z.array(AuditItem).parse(page.items), nextCursor: page.nextCursor }, 200);
    },
  );
};
