// The fan ladder over HTTP: settings (tier names, rules), tier counts, the funnel between tiers over time,
// one contact's tier and history, and leader-tier applications with their review. The koc role sees the
// counts, funnel, tiers and applications of its own fans only, and not the settings.
import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../../platform/auth/principal.js';
import type { RouteRegistrar } from '../../platform/http/context.js';
import { kocScope } from '../../platform/auth/workspace-access.js';
import { accessOf, guard } from '../../platform/http/guards.js';
import { errorResponses, jsonBody, jsonContent, WorkspaceParam } from '../../platform/http/schemas.js';
import { contactTier } from './contact-tier.js';
import { LadderSettings, loadLadderSettings, TIERS } from './ladder-settings.js';
import { applyForLeaderTier, listLeaderApplications } from './leader-applications.js';
import { reviewLeaderApplication } from './review-leader-application.js';
import { tierCounts } from './tier-counts.js';
import { tierFunnel } from './tier-funnel.js';
import { updateLadder } from './update-ladder.js';

const base = '/api/v1/workspaces/{ws}/ladder';
const TierCounts = z.object({
  items: z.array(z.object({ tier: z.enum(TIERS), name: z.string(), count: z.number() })),
});
const Funnel = z.object({
  interval: z.enum(['day', 'week']),
  items: z.array(
    z.object({ period: z.string(), from: z.string().nullable(), to: z.string(), count: z.number() }),
  ),
});
const FunnelQuery = z.object({
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  interval: z.enum(['day', 'week']).default('day'),
});
const ContactTier = z.object({
  contactId: z.number(),
  tier: z.string(),
  since: z.string().nullable(),
  rule: z.string().nullable(),
  history: z.array(
    z.object({ from: z.string().nullable(), to: z.string(), rule: z.string(), at: z.string() }),
  ),
});
export const LeaderApplication = z.object({
  id: z.string(),
  contactId: z.number(),
  koc: z
    .object({ id: z.string(), name: z.string() })
    .nullable()
    .openapi({ description: 'the fan’s KOC, which becomes a group leader on approval' }),
  status: z.string(),
  checks: z.array(
    z.object({
      check: z.string(),
      required: z.union([z.string(), z.number(), z.boolean()]),
      actual: z.union([z.string(), z.number(), z.boolean()]),
      pass: z.boolean(),
    }),
  ),
  note: z.string().nullable(),
  reason: z.string().nullable(),
  appliedAt: z.string(),
  reviewedAt: z.string().nullable(),
  reviewedBy: z.string().nullable(),
});
const ContactParams = WorkspaceParam.extend({
  contactId: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'contactId', in: 'path' } }),
});
const AppParams = WorkspaceParam.extend({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });

export const registerLadderRoutes: RouteRegistrar = (app, deps) => {
  const db = deps.store.db;
  const tags = ['ladder'];
  app.openapi(
    createRoute({
      ...guard(deps, 'read'),
      method: 'get',
      path: base,
      tags,
      summary: 'Ladder settings: tier display names and rules',
      request: { params: WorkspaceParam },
      responses: { 200: jsonContent(LadderSettings, 'Settings'), ...errorResponses(401, 403, 404) },
    }),
    async (c) => c.json(LadderSettings.parse(await loadLadderSettings(db, accessOf(c).workspace.id)), 200),
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      method: 'put',
      path: base,
      tags,
      summary: 'Replace the ladder settings',
      request: { params: WorkspaceParam, body: jsonBody(LadderSettings) },
      responses: { 200: jsonContent(LadderSettings, 'Saved'), ...errorResponses(400, 401, 403, 404, 415) },
    }),
    async (c) => {
      const a = accessOf(c);
      const saved = await updateLadder(db, a.workspace.id, c.req.valid('json'), {
        actor: actorOf(a.principal),
        now: deps.clock.now(),
      });
      return c.json(LadderSettings.parse(saved), 200);
    },
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'read:own'),
      method: 'get',
      path: `${base}/tiers`,
      tags,
      summary: 'Fans per tier now',
      request: { params: WorkspaceParam },
      responses: { 200: jsonContent(TierCounts, 'Counts'), ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const a = accessOf(c);
      const ws = a.workspace.id;
      const names = (await loadLadderSettings(db, ws)).tierNames;
      const counts = await tierCounts(db, ws, { kocId: kocScope(a) });
      const items = counts.map((t) => ({ ...t, name: names[t.tier] }));
      return c.json(TierCounts.parse({ items }), 200);
    },
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'read:own'),
      method: 'get',
      path: `${base}/funnel`,
      tags,
      summary: 'Moves between tiers per day or week',
      request: { params: WorkspaceParam, query: FunnelQuery },
      responses: { 200: jsonContent(Funnel, 'Moves'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const a = accessOf(c);
      const q = c.req.valid('query');
      const items = await tierFunnel(db, a.workspace.id, {
        from: new Date(q.from),
        to: new Date(q.to),
        interval: q.interval,
        kocId: kocScope(a),
      });
      return c.json(Funnel.parse({ interval: q.interval, items }), 200);
    },
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'read:own'),
      method: 'get',
      path: `${base}/contacts/{contactId}`,
      tags,
      summary: "A contact's tier and its history",
      request: { params: ContactParams },
      responses: { 200: jsonContent(ContactTier, 'Tier'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const a = accessOf(c);
      const { contactId } = c.req.valid('param');
      const view = await contactTier(db, a.workspace.id, contactId, { kocId: kocScope(a) });
      return c.json(ContactTier.parse(view), 200);
    },
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'read:own'),
      method: 'get',
      path: `${base}/leader-applications`,
      tags,
      summary: 'Leader-tier applications with their checks',
      request: {
        params: WorkspaceParam,
        query: z.object({ status: z.enum(['applied', 'approved', 'rejected']).optional() }),
      },
      responses: {
        200: jsonContent(z.object({ items: z.array(LeaderApplication) }), 'Applications'),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const a = accessOf(c);
      // The koc role sees only its own KOC's applications.
      const items = await listLeaderApplications(db, a.workspace.id, {
        status: c.req.valid('query').status,
        kocId: kocScope(a),
      });
      return c.json({ items: z.array(LeaderApplication).parse(items) }, 200);
    },
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      method: 'post',
      path: `${base}/leader-applications`,
      tags,
      summary: 'File an application for the leader tier (代颜粉)',
      request: {
        params: WorkspaceParam,
        body: jsonBody(
          z.strictObject({ contactId: z.number().int().positive(), note: z.string().max(500).nullish() }),
        ),
      },
      responses: {
        201: jsonContent(LeaderApplication, 'Filed'),
        ...errorResponses(400, 401, 403, 404, 409, 415),
      },
    }),
    async (c) => {
      const view = await applyForLeaderTier(
        db,
        accessOf(c).workspace.id,
        c.req.valid('json'),
        deps.clock.now(),
      );
      return c.json(LeaderApplication.parse(view), 201);
    },
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      method: 'post',
      path: `${base}/leader-applications/{id}/review`,
      tags,
      summary: 'Approve (the fan becomes a leader, its KOC a group leader) or reject an application',
      request: {
        params: AppParams,
        body: jsonBody(
          z.strictObject({ decision: z.enum(['approve', 'reject']), reason: z.string().max(500).nullish() }),
        ),
      },
      responses: {
        200: jsonContent(LeaderApplication, 'Reviewed'),
        ...errorResponses(400, 401, 403, 404, 409, 415),
      },
    }),
    async (c) => {
      const a = accessOf(c);
      const body = c.req.valid('json');
      const view = await reviewLeaderApplication(
        db,
        a.workspace.id,
        c.req.valid('param').id,
        { approve: body.decision === 'approve', reason: body.reason },
        { actor: actorOf(a.principal), now: deps.clock.now() },
      );
      return c.json(LeaderApplication.parse(view), 200);
    },
  );
};
