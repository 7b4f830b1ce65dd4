// KOC selection in a workspace: which KOCs together reach the most distinct fans (picks, reach, marginal
// gains, the reach curve and the pairwise overlap of the picks).
import { createRoute, z } from '@hono/zod-openapi';
import type { RouteRegistrar } from '../../platform/http/context.js';
import { kocScope } from '../../platform/auth/workspace-access.js';
import { accessOf, guard } from '../../platform/http/guards.js';
import { errorResponses, jsonBody, jsonContent, WorkspaceParam } from '../../platform/http/schemas.js';
import { selectWorkspaceKocs } from './select-workspace-kocs.js';

const Quota = z.strictObject({
  field: z.enum(['category', 'city']),
  value: z.string().min(1).optional().openapi({ description: 'absent: every value of the field' }),
  min: z.number().int().min(0).optional(),
  max: z.number().int().min(0).optional(),
});
const SelectionInput = z
  .strictObject({
    k: z.number().int().min(1).max(10_000).optional(),
    budget: z.number().min(0).optional(),
    quotas: z.array(Quota).max(100).optional(),
    kocIds: z.array(z.string().min(1)).min(1).max(100_000).optional(),
    costs: z.record(z.string(), z.number().min(0)).optional(),
  })
  .refine((v) => v.k !== undefined || v.budget !== undefined, { message: 'give k or a budget' });
const Selection = z
  .object({
    candidates: z.number().int(),
    picks: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        marginal: z.number(),
        reach: z.number(),
        cost: z.number(),
      }),
    ),
    selected: z.array(z.string()),
    reach: z.number(),
    marginal: z.array(z.number()),
    curve: z.array(z.number()),
    overlap: z.array(z.array(z.number())),
    cost: z.number(),
    method: z.string(),
    refined: z.boolean(),
    unmetQuotas: z.array(
      z.object({ field: z.string(), value: z.string(), min: z.number(), count: z.number() }),
    ),
  })
  .openapi('KocSelection');

export const registerSelectionRoutes: RouteRegistrar = (app, deps) => {
  app.openapi(
    createRoute({
      ...guard(deps, 'read:own'),
      tags: ['koc'],
      method: 'post',
      path: '/api/v1/workspaces/{ws}/koc/selection',
      summary: 'Choose KOCs by de-duplicated reach over their fan pools (default candidates: active KOCs)',
      request: { params: WorkspaceParam, body: jsonBody(SelectionInput) },
      responses: { 200: jsonContent(Selection, 'The selection'), ...errorResponses(400, 401, 403, 404, 415) },
    }),
    async (c) => {
      const a = accessOf(c);
      const input = c.req.valid('json');
      const only = kocScope(a);
      // The koc role may only weigh its own KOC.
      const r = await selectWorkspaceKocs(
        deps.store.db,
        a.workspace.id,
        only === undefined ? input : { ...input, kocIds: [only] },
      );
      const picks = r.picks.map((p) => ({ ...p, name: r.names[p.id] ?? p.id }));
      return c.json(Selection.parse({ ...r, picks }), 200);
    },
  );
};
