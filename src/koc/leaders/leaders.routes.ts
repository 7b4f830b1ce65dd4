// Group leaders (团长): applying for a KOC (it files the ladder's leader application of its contact, reviewed
// at /ladder/leader-applications/{id}/review — see leaders.ts), the approved leaders, the leader page,
// and the commission rules (by product or category, tiers by monthly volume).
import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../../platform/auth/principal.js';
import { roleSeesPii, type Permission } from '../../platform/auth/roles.js';
import { kocScope } from '../../platform/auth/workspace-access.js';
import type { RouteRegistrar } from '../../platform/http/context.js';
import { accessOf, guard } from '../../platform/http/guards.js';
import { errorResponses, jsonBody, jsonContent, WorkspaceParam } from '../../platform/http/schemas.js';
import { Koc, KocParams } from '../roster/kocs.routes.js';
import { assertMayView, ownKocId } from '../roster/koc-scope.js';
import { CommissionRuleInput, commissionFor, pickRule } from './commission.js';
import { deleteCommissionRule, listCommissionRules, saveCommissionRule } from './commission-rules.js';
import { leaderPage } from './leader-page.js';
import { LeaderApplication } from '../ladder/ladder.routes.js';
import { applyAsLeader, listLeaders } from './leaders.js';

const base = '/api/v1/workspaces/{ws}/koc';
const Leader = z
  .object({
    kocId: z.string(),
    name: z.string(),
    status: z.string(),
    verdicts: z.array(
      z.object({
        rule: z.string(),
        required: z.union([z.number(), z.string()]),
        actual: z.union([z.number(), z.string()]).nullable(),
        pass: z.boolean(),
      }),
    ),
    meetsRequirements: z.boolean(),
    reason: z.string().nullable(),
    appliedAt: z.string(),
    reviewedAt: z.string().nullable(),
  })
  .openapi('GroupLeader');
const Rule = z
  .object({
    id: z.string(),
    scope: z.string(),
    scopeValue: z.string(),
    tiers: z.array(z.object({ upTo: z.number().nullable(), rate: z.number() })),
    createdAt: z.string(),
  })
  .openapi('CommissionRule');
const Page = z
  .object({
    leader: Leader,
    koc: Koc,
    fans: z.object({
      total: z.number(),
      newContactsLast30Days: z.number(),
      byCity: z.array(z.object({ city: z.string().nullable(), count: z.number() })),
    }),
    commissionRules: z.array(Rule),
    communities: z.object({ count: z.number(), members: z.number() }).optional(),
  })
  .openapi('LeaderPage');
const IdParams = WorkspaceParam.extend({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });

export const registerLeaderRoutes: RouteRegistrar = (app, deps) => {
  const tags = ['koc'];
  const route = <P extends z.ZodObject>(
    permission: Permission,
    method: 'get' | 'post' | 'put' | 'delete',
    path: string,
    summary: string,
    params: P,
    extra: { body?: z.ZodType; query?: z.ZodObject } = {},
  ) =>
    createRoute({
      ...guard(deps, permission),
      tags,
      method,
      path,
      summary,
      request: {
        params,
        ...(extra.body ? { body: jsonBody(extra.body) } : {}),
        ...(extra.query ? { query: extra.query } : {}),
      },
      responses: { 200: jsonContent(z.unknown(), 'OK'), ...errorResponses(400, 401, 403, 404, 409, 415) },
    });

  app.openapi(
    route(
      'write',
      'post',
      `${base}/leaders`,
      'Apply for a KOC to lead a group: files the leader application of its contact, with the checks',
      WorkspaceParam,
      { body: z.strictObject({ kocId: z.string().min(1) }) },
    ),
    async (c) => {
      const a = accessOf(c);
      const { kocId } = (await c.req.json()) as { kocId: string };
      return c.json(
        LeaderApplication.parse(await applyAsLeader(deps.store.db, a.workspace.id, kocId, deps.clock.now())),
        200,
      );
    },
  );

  app.openapi(
    route(
      'read:own',
      'post',
      '/api/v1/workspaces/{ws}/me/koc/leader-application',
      'Apply to lead a group as my KOC',
      WorkspaceParam,
    ),
    async (c) => {
      const a = accessOf(c);
      return c.json(
        LeaderApplication.parse(
          await applyAsLeader(deps.store.db, a.workspace.id, ownKocId(a), deps.clock.now()),
        ),
        200,
      );
    },
  );

  app.openapi(
    route(
      'read:own',
      'get',
      `${base}/leaders`,
      'Group leaders with the verdicts they were approved on',
      WorkspaceParam,
    ),
    async (c) => {
      const a = accessOf(c);
      const items = await listLeaders(deps.store.db, a.workspace.id, {
        status: 'approved',
        kocId: kocScope(a),
      });
      return c.json({ items: z.array(Leader).parse(items) }, 200);
    },
  );

  app.openapi(
    route(
      'read:own',
      'get',
      `${base}/leaders/{kocId}/page`,
      "A group leader's page: profile, fans, commission rules",
      KocParams,
    ),
    async (c) => {
      const a = accessOf(c);
      const kocId = c.req.param('kocId')!;
      assertMayView(a, kocId);
      return c.json(
        Page.parse(
          await leaderPage(deps.store.db, a.workspace.id, kocId, deps.clock.now(), roleSeesPii(a.role)),
        ),
        200,
      );
    },
  );

  app.openapi(
    route('read', 'get', `${base}/commission-rules`, 'Commission rules', WorkspaceParam),
    async (c) => {
      const a = accessOf(c);
      return c.json(
        { items: z.array(Rule).parse(await listCommissionRules(deps.store.db, a.workspace.id)) },
        200,
      );
    },
  );

  app.openapi(
    route(
      'write',
      'put',
      `${base}/commission-rules`,
      'Save the rule of a scope (default, a product or a category); replaces its tiers',
      WorkspaceParam,
      { body: CommissionRuleInput },
    ),
    async (c) => {
      const a = accessOf(c);
      const r = await saveCommissionRule(
        deps.store.db,
        a.workspace.id,
        (await c.req.json()) as z.input<typeof CommissionRuleInput>,
        { actor: actorOf(a.principal), now: deps.clock.now() },
      );
      return c.json(Rule.parse(r), 200);
    },
  );

  app.openapi(
    route('write', 'delete', `${base}/commission-rules/{id}`, 'Delete a commission rule', IdParams),
    async (c) => {
      const a = accessOf(c);
      await deleteCommissionRule(deps.store.db, a.workspace.id, c.req.param('id')!);
      return c.json({ deleted: true }, 200);
    },
  );

  app.openapi(
    route(
      'read',
      'post',
      `${base}/commission-rules/preview`,
      'Commission a month’s volume would earn under the applicable rule',
      WorkspaceParam,
      {
        body: z.strictObject({
          product: z.string().optional(),
          category: z.string().optional(),
          volume: z.number().min(0).max(1e12),
        }),
      },
    ),
    async (c) => {
      const a = accessOf(c);
      const sale = (await c.req.json()) as { product?: string; category?: string; volume: number };
      const rule = pickRule(await listCommissionRules(deps.store.db, a.workspace.id), sale);
      const commission = commissionFor(rule.tiers, sale.volume);
      return c.json(
        { rule: Rule.parse(rule), commission, effectiveRate: sale.volume > 0 ? commission / sale.volume : 0 },
        200,
      );
    },
  );
};
