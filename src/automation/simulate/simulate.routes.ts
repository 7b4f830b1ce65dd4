// POST /simulate: the same rehearsal as `guimi simulate`, on a copy of the workspace (see simulate-workspace.ts).
import { createRoute, z } from '@hono/zod-openapi';
import type { RouteRegistrar } from '../../platform/http/context.js';
import { accessOf, guard } from '../../platform/http/guards.js';
import { errorResponses, jsonBody, jsonContent, WorkspaceParam } from '../../platform/http/schemas.js';
import { simulateWorkspace } from './simulate-workspace.js';

const Input = z.strictObject({ days: z.number().int().min(1).max(60), seed: z.number().int().default(1) });
const Report = z
  .object({
    isolation: z.literal('copy'),
    days: z.number(),
    seed: z.number(),
    from: z.string(),
    to: z.string(),
    ticks: z.number(),
    touches: z.object({
      total: z.number(),
      byFlow: z.array(
        z.object({
          flow: z.string(),
          step: z.string(),
          total: z.number(),
          byState: z.record(z.string(), z.number()),
        }),
      ),
    }),
    holds: z.object({ total: z.number(), byGuardrail: z.record(z.string(), z.number()) }),
    events: z.object({ total: z.number(), byType: z.record(z.string(), z.number()) }),
    runs: z.record(z.string(), z.record(z.string(), z.number())),
  })
  .openapi('SimulationReport');

export const registerSimulateRoutes: RouteRegistrar = (app, deps) => {
  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      method: 'post',
      path: '/api/v1/workspaces/{ws}/simulate',
      tags: ['flows'],
      summary: 'Rehearse the active flows for N virtual days on a copy of the workspace with simulated fans',
      request: { params: WorkspaceParam, body: jsonBody(Input) },
      responses: {
        200: jsonContent(Report, 'What the rehearsal did'),
        ...errorResponses(400, 401, 403, 404, 415),
      },
    }),
    async (c) => {
      const { days, seed } = c.req.valid('json');
      const r = await simulateWorkspace(deps.store, accessOf(c).workspace.id, {
        days,
        seed,
        start: deps.clock.now(),
        logger: deps.logger,
      });
      return c.json(Report.parse(r), 200);
    },
  );
};
