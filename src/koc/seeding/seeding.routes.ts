// Seeding tasks (种草任务): create, assign to KOCs, record and review submissions, leaderboards. The koc
// role sees only the tasks assigned to it and only its own row of a leaderboard.
import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../../platform/auth/principal.js';
import type { RouteRegistrar } from '../../platform/http/context.js';
import { kocScope } from '../../platform/auth/workspace-access.js';
import { accessOf, guard } from '../../platform/http/guards.js';
import { errorResponses, jsonBody, jsonContent, WorkspaceParam } from '../../platform/http/schemas.js';
import { assignSeedingTask } from './assign-seeding-task.js';
import { createSeedingTask } from './create-seeding-task.js';
import { getSeedingTask } from './get-seeding-task.js';
import { kocLeaderboard } from './koc-leaderboard.js';
import { listSeedingTasks } from './list-seeding-tasks.js';
import { reviewSubmission } from './review-submission.js';
import { NewSeedingTaskInput, ReviewInput, SubmissionInput } from './seeding-input.js';
import { submitSeedingPost } from './submit-seeding-post.js';
import { AppError } from '../../platform/errors.js';

export const SeedingTask = z
  .object({
    id: z.string(),
    title: z.string(),
    product: z.string(),
    platform: z.string(),
    dueAt: z.string(),
    brief: z.string(),
    materialIds: z.array(z.string()),
    reward: z.object({ kind: z.string(), amount: z.number() }),
    status: z.string(),
    createdAt: z.string(),
  })
  .openapi('SeedingTask');

export const SeedingTaskSummary = SeedingTask.extend({
  assigned: z.number().int(),
  submitted: z.number().int(),
  approved: z.number().int(),
  myStatus: z.string().nullable(),
}).openapi('SeedingTaskSummary');

export const Submission = z
  .object({
    id: z.string(),
    kocId: z.string(),
    link: z.string(),
    screenshotMaterialId: z.string().nullable(),
    reads: z.number().int(),
    likes: z.number().int(),
    comments: z.number().int(),
    status: z.string(),
    reason: z.string().nullable(),
    submittedAt: z.string(),
    reviewedAt: z.string().nullable(),
  })
  .openapi('SeedingSubmission');

export const SeedingTaskDetail = z
  .object({
    task: SeedingTask,
    assignments: z.array(
      z.object({ kocId: z.string(), name: z.string(), status: z.string(), assignedAt: z.string() }),
    ),
    submissions: z.array(Submission),
  })
  .openapi('SeedingTaskDetail');

export const TaskParams = WorkspaceParam.extend({
  taskId: z.string().openapi({ param: { name: 'taskId', in: 'path' } }),
});

export const SubmitResult = z.object({ id: z.string(), status: z.string() });

const base = '/api/v1/workspaces/{ws}/koc/seeding-tasks';
const SubmissionParams = WorkspaceParam.extend({
  id: z.string().openapi({ param: { name: 'id', in: 'path' } }),
});
const LeaderRow = z.object({
  rank: z.number().int(),
  kocId: z.string(),
  name: z.string(),
  posts: z.number().int(),
  reads: z.number(),
  interactions: z.number(),
  interactionRate: z.number().nullable(),
});

export const registerSeedingRoutes: RouteRegistrar = (app, deps) => {
  const tags = ['koc'];
  const post = (path: string, summary: string, body: z.ZodType, params: z.ZodObject = TaskParams) =>
    createRoute({
      ...guard(deps, 'write'),
      tags,
      method: 'post',
      path,
      summary,
      request: { params, body: jsonBody(body) },
      responses: { 200: jsonContent(z.unknown(), 'Done'), ...errorResponses(400, 401, 403, 404, 409, 415) },
    });

  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      tags,
      method: 'post',
      path: base,
      summary: 'Create a seeding task (product, platform, due date, brief, materials, reward)',
      request: { params: WorkspaceParam, body: jsonBody(NewSeedingTaskInput) },
      responses: { 201: jsonContent(SeedingTask, 'Created'), ...errorResponses(400, 401, 403, 404, 415) },
    }),
    async (c) => {
      const a = accessOf(c);
      const t = await createSeedingTask(deps.store.db, a.workspace.id, c.req.valid('json'), {
        actor: actorOf(a.principal),
        now: deps.clock.now(),
      });
      return c.json(SeedingTask.parse(t), 201);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'read:own'),
      tags,
      method: 'get',
      path: base,
      summary: 'Seeding tasks with assignment counts',
      request: { params: WorkspaceParam },
      responses: {
        200: jsonContent(z.object({ items: z.array(SeedingTaskSummary) }), 'Tasks'),
        ...errorResponses(401, 403, 404),
      },
    }),
    async (c) => {
      const a = accessOf(c);
      const items = await listSeedingTasks(deps.store.db, a.workspace.id, { kocId: kocScope(a) });
      return c.json({ items: z.array(SeedingTaskSummary).parse(items) }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'read:own'),
      tags,
      method: 'get',
      path: `${base}/{taskId}`,
      summary: 'A seeding task with its assignments and submissions',
      request: { params: TaskParams },
      responses: { 200: jsonContent(SeedingTaskDetail, 'The task'), ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const a = accessOf(c);
      const kocId = kocScope(a);
      const d = await getSeedingTask(deps.store.db, a.workspace.id, c.req.valid('param').taskId, { kocId });
      if (kocId !== undefined && d.assignments.length === 0)
        throw new AppError('NOT_FOUND', 'seeding task not found');
      return c.json(SeedingTaskDetail.parse(d), 200);
    },
  );

  app.openapi(
    post(
      `${base}/{taskId}/assignments`,
      'Assign the task to active KOCs',
      z.strictObject({ kocIds: z.array(z.string()).min(1).max(10_000) }),
    ),
    async (c) => {
      const a = accessOf(c);
      const { kocIds } = c.req.valid('json') as { kocIds: string[] };
      const r = await assignSeedingTask(
        deps.store.db,
        a.workspace.id,
        c.req.param('taskId')!,
        kocIds,
        deps.clock.now(),
      );
      return c.json(r, 200);
    },
  );

  app.openapi(
    post(
      `${base}/{taskId}/submissions`,
      'Record a KOC’s post for the task (on its behalf)',
      SubmissionInput.extend({ kocId: z.string().min(1) }),
    ),
    async (c) => {
      const a = accessOf(c);
      const { kocId, ...input } = c.req.valid('json') as SubmissionInput & { kocId: string };
      const r = await submitSeedingPost(
        deps.store.db,
        a.workspace.id,
        c.req.param('taskId')!,
        kocId,
        input,
        deps.clock.now(),
      );
      return c.json(SubmitResult.parse(r), 200);
    },
  );

  app.openapi(
    post(
      '/api/v1/workspaces/{ws}/koc/seeding-submissions/{id}/review',
      'Approve (records the reward) or reject with a reason',
      ReviewInput,
      SubmissionParams,
    ),
    async (c) => {
      const a = accessOf(c);
      const { decision, reason } = c.req.valid('json') as z.infer<typeof ReviewInput>;
      const r = await reviewSubmission(deps.store.db, a.workspace.id, c.req.param('id')!, decision, {
        actor: actorOf(a.principal),
        reason,
        now: deps.clock.now(),
      });
      return c.json(r, 200);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'read:own'),
      tags,
      method: 'get',
      path: '/api/v1/workspaces/{ws}/koc/leaderboard',
      summary: 'KOCs ranked by reach (reads) or interaction over approved seeding posts',
      request: {
        params: WorkspaceParam,
        query: z.object({
          by: z.enum(['reach', 'interaction']).default('reach'),
          taskId: z.string().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(50),
        }),
      },
      responses: {
        200: jsonContent(z.object({ items: z.array(LeaderRow) }), 'Ranking'),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const a = accessOf(c);
      const q = c.req.valid('query');
      const only = kocScope(a);
      // A KOC sees where it stands, not the others' figures.
      const rows = await kocLeaderboard(deps.store.db, a.workspace.id, {
        ...q,
        limit: only === undefined ? q.limit : 100_000,
      });
      return c.json(
        { items: z.array(LeaderRow).parse(only === undefined ? rows : rows.filter((r) => r.kocId === only)) },
        200,
      );
    },
  );
};
