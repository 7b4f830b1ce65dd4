// Owner-only: link a workspace member to a KOC (what the koc role may see follows from it).
import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../../platform/auth/principal.js';
import type { RouteRegistrar } from '../../platform/http/context.js';
import { accessOf, guard } from '../../platform/http/guards.js';
import { errorResponses, jsonBody, jsonContent, WorkspaceParam } from '../../platform/http/schemas.js';
import { linkMemberToKoc } from './link-member.js';

export const registerMemberKocRoutes: RouteRegistrar = (app, deps) => {
  app.openapi(
    createRoute({
      ...guard(deps, 'manage'),
      tags: ['koc'],
      method: 'put',
      path: '/api/v1/workspaces/{ws}/members/{userId}/koc',
      summary: 'Link a member to a KOC (null unlinks); a koc-role member then sees only that KOC',
      request: {
        params: WorkspaceParam.extend({
          userId: z.string().openapi({ param: { name: 'userId', in: 'path' } }),
        }),
        body: jsonBody(z.strictObject({ kocId: z.string().min(1).nullable() })),
      },
      responses: {
        200: jsonContent(
          z.object({ userId: z.string(), role: z.string(), kocId: z.string().nullable() }),
          'Linked',
        ),
        ...errorResponses(400, 401, 403, 404, 409, 415),
      },
    }),
    async (c) => {
      const a = accessOf(c);
      const r = await linkMemberToKoc(
        deps.store.db,
        a.workspace.id,
        c.req.valid('param').userId,
        c.req.valid('json').kocId,
        {
          actor: actorOf(a.principal),
          now: deps.clock.now(),
        },
      );
      return c.json(r, 200);
    },
  );
};
