// /me/koc: what a KOC member sees of itself — its profile and figures, its fans, its seeding tasks —
// and submitting its own posts. Everything is scoped by the caller's linked KOC (access.kocId).
import { createRoute, z } from '@hono/zod-openapi';
import { Contact } from '../../audience/contacts/contacts.routes.js';
import { listContacts } from '../../audience/contacts/list-contacts.js';
import type { RouteRegistrar } from '../../platform/http/context.js';
import { accessOf, guard } from '../../platform/http/guards.js';
import {
  errorResponses,
  jsonBody,
  jsonContent,
  PageQuery,
  WorkspaceParam,
} from '../../platform/http/schemas.js';
import { listSeedingTasks } from '../seeding/list-seeding-tasks.js';
import { SubmissionInput } from '../seeding/seeding-input.js';
import { SeedingTaskSummary, SubmitResult, TaskParams } from '../seeding/seeding.routes.js';
import { submitSeedingPost } from '../seeding/submit-seeding-post.js';
import { getKoc } from './get-koc.js';
import { kocFigures } from './koc-figures.js';
import { Koc } from './kocs.routes.js';
import { ownKocId } from './koc-scope.js';

const base = '/api/v1/workspaces/{ws}/me/koc';
const Figures = z
  .object({
    fans: z.number().int(),
    tasks: z.object({
      assigned: z.number(),
      submitted: z.number(),
      approved: z.number(),
      rejected: z.number(),
    }),
    reads: z.number(),
    interactions: z.number(),
    rewards: z.object({ points: z.number(), money: z.number() }),
  })
  .openapi('KocFigures');

export const registerMyKocRoutes: RouteRegistrar = (app, deps) => {
  const tags = ['koc'];

  app.openapi(
    createRoute({
      ...guard(deps, 'read:own'),
      tags,
      method: 'get',
      path: base,
      summary: 'My KOC profile and figures (for a member linked to a KOC)',
      request: { params: WorkspaceParam },
      responses: {
        200: jsonContent(z.object({ koc: Koc, figures: Figures }), 'Me'),
        ...errorResponses(401, 403, 404),
      },
    }),
    async (c) => {
      const a = accessOf(c);
      const kocId = ownKocId(a);
      const { koc } = await getKoc(deps.store.db, a.workspace.id, kocId, false);
      return c.json(
        {
          koc: Koc.parse(koc),
          figures: Figures.parse(await kocFigures(deps.store.db, a.workspace.id, kocId)),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'read:own'),
      tags,
      method: 'get',
      path: `${base}/fans`,
      summary: 'My fans (contacts attributed to my KOC; phones masked)',
      request: { params: WorkspaceParam, query: PageQuery.extend({ q: z.string().max(100).optional() }) },
      responses: {
        200: jsonContent(z.object({ items: z.array(Contact), nextCursor: z.string().nullable() }), 'A page'),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const a = accessOf(c);
      // Viewed as the koc role whatever the caller's role: scoped to its KOC and masked.
      const page = await listContacts(deps.store.db, a.workspace.id, c.req.valid('query'), {
        role: 'koc',
        kocId: ownKocId(a),
      });
      return c.json({ items: z.array(Contact).parse(page.items), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'read:own'),
      tags,
      method: 'get',
      path: `${base}/tasks`,
      summary: 'My seeding tasks with my status',
      request: { params: WorkspaceParam },
      responses: {
        200: jsonContent(z.object({ items: z.array(SeedingTaskSummary) }), 'Tasks'),
        ...errorResponses(401, 403, 404),
      },
    }),
    async (c) => {
      const a = accessOf(c);
      const items = await listSeedingTasks(deps.store.db, a.workspace.id, { kocId: ownKocId(a) });
      return c.json({ items: z.array(SeedingTaskSummary).parse(items) }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'read:own'),
      tags,
      method: 'post',
      path: `${base}/tasks/{taskId}/submissions`,
      summary: 'Submit my post for a task assigned to me (a KOC acts on its own task with read access)',
      request: { params: TaskParams, body: jsonBody(SubmissionInput) },
      responses: {
        200: jsonContent(SubmitResult, 'Submitted'),
        ...errorResponses(400, 401, 403, 404, 409, 415),
      },
    }),
    async (c) => {
      const a = accessOf(c);
      const r = await submitSeedingPost(
        deps.store.db,
        a.workspace.id,
        c.req.valid('param').taskId,
        ownKocId(a),
        c.req.valid('json'),
        deps.clock.now(),
      );
      return c.json(SubmitResult.parse(r), 200);
    },
  );
};
