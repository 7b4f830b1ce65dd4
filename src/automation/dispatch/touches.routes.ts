// Delivery log, touch detail and operator actions; guardrail settings and the suppression list.
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
import { GuardrailSettings, loadGuardrailSettings } from '../guardrails/guardrail-settings.js';
import { addSuppressions, listSuppressions, removeSuppression } from '../guardrails/suppressions.js';
import { updateGuardrailSettings } from '../guardrails/update-guardrail-settings.js';
import { actOnTouch, getTouch } from './act-on-touch.js';
import { touchStates } from './dispatch-tables.js';
import { listTouches } from './list-touches.js';

const Touch = z
  .object({
    id: z.string(),
    idempotencyKey: z.string(),
    flowId: z.string().nullable(),
    flowRunId: z.string().nullable(),
    stepId: z.string().nullable(),
    kind: z.string(),
    accountId: z.string(),
    contactId: z.number().nullable(),
    groupId: z.string().nullable(),
    text: z.string(),
    promotion: z.boolean(),
    marketing: z.boolean(),
    state: z.enum(touchStates),
    dueAt: z.string(),
    attempts: z.number(),
    channelRef: z.string().nullable(),
    lastError: z.string().nullable(),
    heldReason: z.string().nullable(),
    heldUntil: z.string().nullable(),
    sentAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Touch');
const TouchQuery = PageQuery.extend({
  state: z.enum(touchStates).optional(),
  flowId: z.string().optional(),
  contactId: z.coerce.number().int().optional(),
  accountId: z.string().optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
});
const IdParams = WorkspaceParam.extend({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });
const Suppression = z
  .object({ contactId: z.number(), reason: z.string(), createdBy: z.string(), createdAt: z.string() })
  .openapi('Suppression');
const ContactParams = WorkspaceParam.extend({
  contactId: z.coerce
    .number()
    .int()
    .openapi({ param: { name: 'contactId', in: 'path' } }),
});

export const registerTouchRoutes: RouteRegistrar = (app, deps) => {
  const db = deps.store.db;
  const ctx = (actor: string) => ({ actor, now: deps.clock.now() });
  const base = '/api/v1/workspaces/{ws}';

  app.openapi(
    createRoute({
      ...guard(deps, 'read'),
      method: 'get',
      path: `${base}/touches`,
      tags: ['dispatch'],
      summary: 'Delivery log (filters: state, flow, contact, account, created time)',
      request: { params: WorkspaceParam, query: TouchQuery },
      responses: {
        200: jsonContent(z.object({ items: z.array(Touch), nextCursor: z.string().nullable() }), 'Touches'),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const r = await listTouches(db, accessOf(c).workspace.id, c.req.valid('query'));
      return c.json({ items: z.array(Touch).parse(r.items), nextCursor: r.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'read'),
      method: 'get',
      path: `${base}/touches/{id}`,
      tags: ['dispatch'],
      summary: 'One touch with its state, hold reason and last error',
      request: { params: IdParams },
      responses: { 200: jsonContent(Touch, 'Touch'), ...errorResponses(401, 403, 404) },
    }),
    async (c) =>
      c.json(Touch.parse(await getTouch(db, accessOf(c).workspace.id, c.req.valid('param').id)), 200),
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      method: 'post',
      path: `${base}/touches/{id}/actions`,
      tags: ['dispatch'],
      summary: 'Operator action on an unknown/dead/held touch: mark_sent, cancel or retry',
      request: {
        params: IdParams,
        body: jsonBody(z.strictObject({ action: z.enum(['mark_sent', 'cancel', 'retry']) })),
      },
      responses: { 200: jsonContent(Touch, 'Updated'), ...errorResponses(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const access = accessOf(c);
      const t = await actOnTouch(
        db,
        access.workspace.id,
        c.req.valid('param').id,
        c.req.valid('json').action,
        ctx(actorOf(access.principal)),
      );
      return c.json(Touch.parse(t), 200);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'read'),
      method: 'get',
      path: `${base}/guardrails`,
      tags: ['dispatch'],
      summary: 'Guardrail settings (quiet hours, caps, pacing, promotion mix, opt-out words)',
      request: { params: WorkspaceParam },
      responses: { 200: jsonContent(GuardrailSettings, 'Settings'), ...errorResponses(401, 403, 404) },
    }),
    async (c) => c.json(await loadGuardrailSettings(db, accessOf(c).workspace.id), 200),
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'manage'),
      method: 'put',
      path: `${base}/guardrails`,
      tags: ['dispatch'],
      summary: 'Replace the guardrail settings',
      request: { params: WorkspaceParam, body: jsonBody(GuardrailSettings) },
      responses: { 200: jsonContent(GuardrailSettings, 'Saved'), ...errorResponses(400, 401, 403, 404, 415) },
    }),
    async (c) => {
      const access = accessOf(c);
      return c.json(
        await updateGuardrailSettings(
          db,
          access.workspace.id,
          c.req.valid('json'),
          ctx(actorOf(access.principal)),
        ),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'read'),
      method: 'get',
      path: `${base}/suppressions`,
      tags: ['dispatch'],
      summary: 'Suppressed contacts (no touch reaches them)',
      request: { params: WorkspaceParam, query: PageQuery },
      responses: {
        200: jsonContent(
          z.object({ items: z.array(Suppression), nextCursor: z.string().nullable() }),
          'Suppressions',
        ),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { cursor, limit } = c.req.valid('query');
      const after = cursor ? Number(cursor) : 0;
      const items = await listSuppressions(db, accessOf(c).workspace.id, {
        afterContactId: Number.isFinite(after) ? after : 0,
        limit,
      });
      const last = items[items.length - 1];
      return c.json(
        {
          items: z.array(Suppression).parse(items),
          nextCursor: items.length === limit && last ? String(last.contactId) : null,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      method: 'post',
      path: `${base}/suppressions`,
      tags: ['dispatch'],
      summary: 'Suppress contacts',
      request: {
        params: WorkspaceParam,
        body: jsonBody(
          z.strictObject({
            contactIds: z.array(z.number().int()).min(1).max(10_000),
            reason: z.string().min(1).max(200),
          }),
        ),
      },
      responses: {
        200: jsonContent(z.object({ added: z.number() }), 'Added'),
        ...errorResponses(400, 401, 403, 404, 415),
      },
    }),
    async (c) => {
      const access = accessOf(c);
      return c.json(
        await addSuppressions(db, access.workspace.id, c.req.valid('json'), ctx(actorOf(access.principal))),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      method: 'delete',
      path: `${base}/suppressions/{contactId}`,
      tags: ['dispatch'],
      summary: 'Lift a suppression',
      request: { params: ContactParams },
      responses: { 204: { description: 'Removed' }, ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const access = accessOf(c);
      await removeSuppression(
        db,
        access.workspace.id,
        c.req.valid('param').contactId,
        ctx(actorOf(access.principal)),
      );
      return c.body(null, 204);
    },
  );
};
