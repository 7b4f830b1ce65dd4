// Keyword auto-reply rules over HTTP (CRUD, and which rule a test message meets). Replies themselves are
// planned from inbound messages.
import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../../platform/auth/principal.js';
import type { RouteRegistrar } from '../../platform/http/context.js';
import { accessOf, guard } from '../../platform/http/guards.js';
import { errorResponses, jsonBody, jsonContent, WorkspaceParam } from '../../platform/http/schemas.js';
import { createAutoReplyRule } from './create-rule.js';
import { deleteAutoReplyRule } from './delete-rule.js';
import { listAutoReplyRules } from './list-rules.js';
import { findRuleRow, RuleFields, toRuleView } from './rule-view.js';
import { testAutoReply, TestMessageInput } from './test-auto-reply.js';
import { RulePatch, updateAutoReplyRule } from './update-rule.js';

const Rule = z
  .object({
    id: z.string(),
    name: z.string(),
    accountId: z.string().nullable(),
    match: z.enum(['exact', 'contains', 'regex']),
    pattern: z.string(),
    scriptId: z.string(),
    priority: z.number(),
    cooldownSeconds: z.number(),
    enabled: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('AutoReplyRule');
const Tested = z
  .object({
    rule: Rule.nullable(),
    script: z.object({ id: z.string(), name: z.string(), body: z.string() }).nullable(),
  })
  .openapi('AutoReplyTest');
const Params = WorkspaceParam.extend({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });

export const registerAutoReplyRoutes: RouteRegistrar = (app, deps) => {
  const base = '/api/v1/workspaces/{ws}/auto-replies';
  const tags = ['auto-reply'];
  const ctx = (c: Parameters<typeof accessOf>[0]) => ({
    actor: actorOf(accessOf(c).principal),
    now: deps.clock.now(),
  });
  app.openapi(
    createRoute({
      ...guard(deps, 'read'),
      method: 'get',
      path: base,
      tags,
      summary: 'Keyword auto-reply rules, in the order they are tried',
      request: { params: WorkspaceParam, query: z.object({ accountId: z.string().optional() }) },
      responses: {
        200: jsonContent(z.object({ items: z.array(Rule) }), 'Rules'),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const items = await listAutoReplyRules(deps.store.db, accessOf(c).workspace.id, c.req.valid('query'));
      return c.json({ items: z.array(Rule).parse(items) }, 200);
    },
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      method: 'post',
      path: base,
      tags,
      summary: 'Create a keyword auto-reply rule',
      request: { params: WorkspaceParam, body: jsonBody(RuleFields) },
      responses: { 201: jsonContent(Rule, 'Created'), ...errorResponses(400, 401, 403, 404, 415) },
    }),
    async (c) => {
      const r = await createAutoReplyRule(
        deps.store.db,
        accessOf(c).workspace.id,
        c.req.valid('json'),
        ctx(c),
      );
      return c.json(Rule.parse(r), 201);
    },
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'read'),
      method: 'get',
      path: `${base}/{id}`,
      tags,
      summary: 'One auto-reply rule',
      request: { params: Params },
      responses: { 200: jsonContent(Rule, 'Rule'), ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const row = await findRuleRow(deps.store.db, accessOf(c).workspace.id, c.req.valid('param').id);
      return c.json(Rule.parse(toRuleView(row)), 200);
    },
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      method: 'patch',
      path: `${base}/{id}`,
      tags,
      summary: 'Change an auto-reply rule',
      request: { params: Params, body: jsonBody(RulePatch) },
      responses: { 200: jsonContent(Rule, 'Updated'), ...errorResponses(400, 401, 403, 404, 415) },
    }),
    async (c) => {
      const r = await updateAutoReplyRule(
        deps.store.db,
        accessOf(c).workspace.id,
        c.req.valid('param').id,
        c.req.valid('json'),
        ctx(c),
      );
      return c.json(Rule.parse(r), 200);
    },
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      method: 'delete',
      path: `${base}/{id}`,
      tags,
      summary: 'Delete an auto-reply rule',
      request: { params: Params },
      responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      await deleteAutoReplyRule(deps.store.db, accessOf(c).workspace.id, c.req.valid('param').id, ctx(c));
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'read'),
      method: 'post',
      path: `${base}/test`,
      tags,
      summary: 'Which rule would answer a message, with which script (nothing is sent)',
      request: { params: WorkspaceParam, body: jsonBody(TestMessageInput) },
      responses: {
        200: jsonContent(Tested, 'The rule that answers, or null'),
        ...errorResponses(400, 401, 403, 404, 415),
      },
    }),
    async (c) => {
      const r = await testAutoReply(deps.store.db, accessOf(c).workspace.id, c.req.valid('json'));
      return c.json(Tested.parse(r), 200);
    },
  );
};
