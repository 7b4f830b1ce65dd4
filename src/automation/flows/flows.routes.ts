// Flows CRUD (versioned: saving a changed definition writes a new version), activate / pause / archive,
// and starting a manual flow by hand.
import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../../platform/auth/principal.js';
import type { RouteRegistrar } from '../../platform/http/context.js';
import { accessOf, guard } from '../../platform/http/guards.js';
import { errorResponses, jsonBody, jsonContent, WorkspaceParam } from '../../platform/http/schemas.js';
import { getFlowRow, toFlowView } from './flow-store.js';
import { listFlows } from './list-flows.js';
import { saveFlow } from './save-flow.js';
import { setFlowStatus } from './set-flow-status.js';
import { startFlow, StartFlowInput } from './start-flow.js';

export const FlowSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    status: z.string(),
    version: z.number(),
    triggerKind: z.string(),
    nextFireAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    definition: z.record(z.string(), z.unknown()),
  })
  .openapi('Flow');
const SaveResult = z
  .object({ flow: FlowSchema, created: z.boolean(), versioned: z.boolean() })
  .openapi('FlowSaveResult');
export const FlowParams = WorkspaceParam.extend({
  id: z.string().openapi({ param: { name: 'id', in: 'path' } }),
});
const Definition = z
  .record(z.string(), z.unknown())
  .openapi('FlowDefinition', { description: 'a flow definition, as in a flow file' });
const StartResult = z
  .object({
    key: z.string(),
    matched: z.number(),
    enrolled: z.number(),
    already: z.number(),
    skipped: z.number(),
    touches: z.number(),
    unknown: z.number(),
    unknownExamples: z.array(z.string()),
  })
  .openapi('FlowStartResult');
const Actions = ['activate', 'pause', 'archive'] as const;
const target = { activate: 'active', pause: 'paused', archive: 'archived' } as const;

export const registerFlowRoutes: RouteRegistrar = (app, deps) => {
  const base = '/api/v1/workspaces/{ws}/flows';
  app.openapi(
    createRoute({
      ...guard(deps, 'read'),
      method: 'get',
      path: base,
      tags: ['flows'],
      summary: 'Flows of the workspace',
      request: { params: WorkspaceParam },
      responses: {
        200: jsonContent(z.object({ items: z.array(FlowSchema) }), 'Flows'),
        ...errorResponses(401, 403, 404),
      },
    }),
    async (c) =>
      c.json(
        { items: z.array(FlowSchema).parse(await listFlows(deps.store.db, accessOf(c).workspace.id)) },
        200,
      ),
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      method: 'post',
      path: base,
      tags: ['flows'],
      summary: 'Create a flow, or save a new version of the flow with that name',
      request: { params: WorkspaceParam, body: jsonBody(Definition) },
      responses: { 200: jsonContent(SaveResult, 'Saved'), ...errorResponses(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const a = accessOf(c);
      const r = await saveFlow(deps.store.db, a.workspace.id, c.req.valid('json'), {
        actor: actorOf(a.principal),
        now: deps.clock.now(),
      });
      return c.json(SaveResult.parse(r), 200);
    },
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'read'),
      method: 'get',
      path: `${base}/{id}`,
      tags: ['flows'],
      summary: 'One flow with its current definition',
      request: { params: FlowParams },
      responses: { 200: jsonContent(FlowSchema, 'Flow'), ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const row = await getFlowRow(deps.store.db, accessOf(c).workspace.id, c.req.valid('param').id);
      return c.json(FlowSchema.parse(await toFlowView(deps.store.db, row)), 200);
    },
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      method: 'put',
      path: `${base}/{id}`,
      tags: ['flows'],
      summary: 'Edit a flow (a changed definition becomes a new version; running runs stay on theirs)',
      request: { params: FlowParams, body: jsonBody(Definition) },
      responses: { 200: jsonContent(SaveResult, 'Saved'), ...errorResponses(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const a = accessOf(c);
      const ctx = { actor: actorOf(a.principal), now: deps.clock.now(), flowId: c.req.valid('param').id };
      return c.json(
        SaveResult.parse(await saveFlow(deps.store.db, a.workspace.id, c.req.valid('json'), ctx)),
        200,
      );
    },
  );
  // Registered before `{id}/{action}`, which would otherwise take `start` for an unknown action.
  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      method: 'post',
      path: `${base}/{id}/start`,
      tags: ['flows'],
      summary:
        'Start a flow with a manual trigger: enroll its audience, or the given segment, contact ids or ' +
        'external ids (idempotent on `key`; the audience, re-entry rule and guardrails apply)',
      request: { params: FlowParams, body: jsonBody(StartFlowInput) },
      responses: {
        200: jsonContent(StartResult, 'Started'),
        ...errorResponses(400, 401, 403, 404, 409, 415),
      },
    }),
    async (c) => {
      const a = accessOf(c);
      const r = await startFlow(deps.store, a.workspace.id, c.req.valid('param').id, c.req.valid('json'), {
        actor: actorOf(a.principal),
        now: deps.clock.now(),
      });
      return c.json(StartResult.parse(r), 200);
    },
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      method: 'post',
      path: `${base}/{id}/{action}`,
      tags: ['flows'],
      summary: 'Activate, pause or archive a flow (archiving exits its runs)',
      request: {
        params: FlowParams.extend({
          action: z.enum(Actions).openapi({ param: { name: 'action', in: 'path' } }),
        }),
      },
      responses: { 200: jsonContent(FlowSchema, 'Flow'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const a = accessOf(c);
      const { id, action } = c.req.valid('param');
      const v = await setFlowStatus(deps.store.db, a.workspace.id, id, target[action], {
        actor: actorOf(a.principal),
        now: deps.clock.now(),
      });
      return c.json(FlowSchema.parse(v), 200);
    },
  );
};
