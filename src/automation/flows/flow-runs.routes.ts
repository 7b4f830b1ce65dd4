// Runs per flow (paged, with per-contact state), runs per contact, and the human tasks flows create.
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
import { completeTask, listTasks } from './flow-tasks.js';
import { FlowParams } from './flows.routes.js';
import { listContactRuns, listFlowRuns } from './list-flow-runs.js';

const Run = z
  .object({
    id: z.string(),
    flowId: z.string(),
    version: z.number(),
    contactId: z.number().nullable(),
    state: z.string(),
    stepIndex: z.number(),
    stepId: z.string().nullable(),
    nextDueAt: z.string().nullable(),
    waitingFor: z.object({ type: z.string(), props: z.record(z.string(), z.unknown()) }).nullable(),
    exitReason: z.string().nullable(),
    enrolledAt: z.string(),
    endedAt: z.string().nullable(),
  })
  .openapi('FlowRun');
const Task = z
  .object({
    id: z.string(),
    flowId: z.string(),
    runId: z.string(),
    stepId: z.string(),
    contactId: z.number().nullable(),
    title: z.string(),
    assignee: z.string().nullable(),
    dueAt: z.string(),
    status: z.string(),
    note: z.string().nullable(),
    createdAt: z.string(),
    completedAt: z.string().nullable(),
    completedBy: z.string().nullable(),
  })
  .openapi('FlowTask');
const RunsPage = z.object({
  items: z.array(Run),
  nextCursor: z.string().nullable(),
  counts: z.record(z.string(), z.number()),
});
const TasksPage = z.object({ items: z.array(Task), nextCursor: z.string().nullable() });
const States = z.enum(['active', 'waiting', 'exited', 'completed']);

export const registerFlowRunRoutes: RouteRegistrar = (app, deps) => {
  const ws = '/api/v1/workspaces/{ws}';
  app.openapi(
    createRoute({
      ...guard(deps, 'read'),
      method: 'get',
      path: `${ws}/flows/{id}/runs`,
      tags: ['flows'],
      summary: "A flow's runs: each contact's step, next due time, wait and exit reason",
      request: { params: FlowParams, query: PageQuery.extend({ state: States.optional() }) },
      responses: { 200: jsonContent(RunsPage, 'Runs'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const r = await listFlowRuns(
        deps.store.db,
        accessOf(c).workspace.id,
        c.req.valid('param').id,
        c.req.valid('query'),
      );
      return c.json(RunsPage.parse(r), 200);
    },
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'read'),
      method: 'get',
      path: `${ws}/contacts/{contactId}/flow-runs`,
      tags: ['flows'],
      summary: "A contact's runs in every flow",
      request: {
        params: WorkspaceParam.extend({
          contactId: z.coerce
            .number()
            .int()
            .positive()
            .openapi({ param: { name: 'contactId', in: 'path' } }),
        }),
      },
      responses: {
        200: jsonContent(z.object({ items: z.array(Run) }), 'Runs'),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const items = await listContactRuns(
        deps.store.db,
        accessOf(c).workspace.id,
        c.req.valid('param').contactId,
      );
      return c.json({ items: z.array(Run).parse(items) }, 200);
    },
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'read'),
      method: 'get',
      path: `${ws}/flow-tasks`,
      tags: ['flows'],
      summary: 'Follow-up tasks for people (filter by status and assignee)',
      request: {
        params: WorkspaceParam,
        query: PageQuery.extend({
          status: z.enum(['open', 'done', 'cancelled']).optional(),
          assignee: z.string().optional(),
        }),
      },
      responses: { 200: jsonContent(TasksPage, 'Tasks'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) =>
      c.json(
        TasksPage.parse(await listTasks(deps.store.db, accessOf(c).workspace.id, c.req.valid('query'))),
        200,
      ),
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      method: 'post',
      path: `${ws}/flow-tasks/{id}/complete`,
      tags: ['flows'],
      summary: 'Complete a task',
      request: {
        params: FlowParams,
        body: jsonBody(z.strictObject({ note: z.string().max(2000).optional() })),
      },
      responses: { 200: jsonContent(Task, 'Completed'), ...errorResponses(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const a = accessOf(c);
      const t = await completeTask(
        deps.store.db,
        a.workspace.id,
        c.req.valid('param').id,
        c.req.valid('json'),
        { actor: actorOf(a.principal), now: deps.clock.now() },
      );
      return c.json(Task.parse(t), 200);
    },
  );
};
