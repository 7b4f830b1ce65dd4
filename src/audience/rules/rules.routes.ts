// Auto-tag rules: on events (N times within D days) or on attribute conditions → add/remove a tag.
import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../../platform/auth/principal.js';
import type { GuimiContext, RouteRegistrar } from '../../platform/http/context.js';
import { accessOf, guard } from '../../platform/http/guards.js';
import { errorResponses, jsonBody, jsonContent, WorkspaceParam } from '../../platform/http/schemas.js';
import { createTagRule, TagRuleInput } from './create-tag-rule.js';
import { deleteTagRule } from './delete-tag-rule.js';
import { getTagRule, listTagRules } from './tag-rule.js';
import { TagRulePatch, updateTagRule } from './update-tag-rule.js';

const TagRule = z
  .object({
    id: z.string(),
    name: z.string(),
    trigger: z.enum(['event', 'attribute']),
    eventType: z.string().nullable(),
    props: z.record(z.string(), z.unknown()).nullable(),
    minCount: z.number(),
    withinDays: z.number().nullable(),
    condition: z.string().nullable(),
    action: z.enum(['add', 'remove']),
    tagId: z.string(),
    tag: z.string(),
    enabled: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('TagRule');
const Applied = z
  .object({
    rule: TagRule,
    applied: z.number().openapi({ description: 'existing contacts whose tags changed' }),
  })
  .openapi('TagRuleApplied');
const IdParams = WorkspaceParam.extend({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });
const base = '/api/v1/workspaces/{ws}/tag-rules';
const common = { tags: ['tag rules'] };

export const registerTagRuleRoutes: RouteRegistrar = (app, deps) => {
  const db = deps.store.db;
  const who = (c: GuimiContext) => {
    const a = accessOf(c);
    return { wsId: a.workspace.id, actor: actorOf(a.principal), now: deps.clock.now() };
  };

  app.openapi(
    createRoute({
      ...guard(deps, 'read'),
      ...common,
      method: 'get',
      path: base,
      summary: 'Auto-tag rules',
      request: { params: WorkspaceParam },
      responses: {
        200: jsonContent(z.object({ items: z.array(TagRule) }), 'Rules'),
        ...errorResponses(401, 403, 404),
      },
    }),
    async (c) => c.json({ items: z.array(TagRule).parse(await listTagRules(db, who(c).wsId)) }, 200),
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'read'),
      ...common,
      method: 'get',
      path: `${base}/{id}`,
      summary: 'One auto-tag rule',
      request: { params: IdParams },
      responses: { 200: jsonContent(TagRule, 'The rule'), ...errorResponses(401, 403, 404) },
    }),
    async (c) => c.json(TagRule.parse(await getTagRule(db, who(c).wsId, c.req.valid('param').id)), 200),
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      ...common,
      method: 'post',
      path: base,
      summary: 'Create a rule; when enabled it is applied to the existing audience at once',
      request: { params: WorkspaceParam, body: jsonBody(TagRuleInput) },
      responses: { 201: jsonContent(Applied, 'Created'), ...errorResponses(400, 401, 403, 404, 415) },
    }),
    async (c) => {
      const w = who(c);
      return c.json(Applied.parse(await createTagRule(db, w.wsId, c.req.valid('json'), w)), 201);
    },
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      ...common,
      method: 'patch',
      path: `${base}/{id}`,
      summary: 'Rename, enable or disable a rule (switching on applies it to the existing audience)',
      request: { params: IdParams, body: jsonBody(TagRulePatch) },
      responses: { 200: jsonContent(Applied, 'Changed'), ...errorResponses(400, 401, 403, 404, 415) },
    }),
    async (c) => {
      const w = who(c);
      return c.json(
        Applied.parse(await updateTagRule(db, w.wsId, c.req.valid('param').id, c.req.valid('json'), w)),
        200,
      );
    },
  );
  for (const [verb, enabled] of [
    ['enable', true],
    ['disable', false],
  ] as const) {
    app.openapi(
      createRoute({
        ...guard(deps, 'write'),
        ...common,
        method: 'post',
        path: `${base}/{id}/${verb}`,
        summary: `${verb === 'enable' ? 'Enable' : 'Disable'} a rule`,
        request: { params: IdParams },
        responses: { 200: jsonContent(Applied, 'Changed'), ...errorResponses(401, 403, 404) },
      }),
      async (c) => {
        const w = who(c);
        return c.json(
          Applied.parse(await updateTagRule(db, w.wsId, c.req.valid('param').id, { enabled }, w)),
          200,
        );
      },
    );
  }
  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      ...common,
      method: 'delete',
      path: `${base}/{id}`,
      summary: 'Delete a rule (tags it set stay)',
      request: { params: IdParams },
      responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const w = who(c);
      await deleteTagRule(db, w.wsId, c.req.valid('param').id, w);
      return c.body(null, 204);
    },
  );
};
