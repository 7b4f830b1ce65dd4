// The workspace's sensitive-word list (block: scripts with them are refused; warn: saved with a warning).
import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../../platform/auth/principal.js';
import type { RouteRegistrar } from '../../platform/http/context.js';
import { accessOf, guard } from '../../platform/http/guards.js';
import { errorResponses, jsonBody, jsonContent, WorkspaceParam } from '../../platform/http/schemas.js';
import { addSensitiveWords, SensitiveWordsInput } from './add-sensitive-words.js';
import { checkSensitive } from './check-sensitive.js';
import { deleteSensitiveWord } from './delete-sensitive-word.js';
import { listSensitiveWords } from './list-sensitive-words.js';
import { SENSITIVE_LEVELS } from './sensitive-matcher.js';

const Word = z
  .object({
    id: z.string(),
    word: z.string(),
    level: z.enum(SENSITIVE_LEVELS),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('SensitiveWord');
export const SensitiveHit = z
  .object({
    word: z.string(),
    level: z.enum(SENSITIVE_LEVELS),
    position: z.number().int(),
    line: z.number().int(),
    column: z.number().int(),
  })
  .openapi('SensitiveHit');
const Report = z.object({ blocked: z.array(SensitiveHit), warnings: z.array(SensitiveHit) });
const Params = WorkspaceParam.extend({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });
const base = '/api/v1/workspaces/{ws}/sensitive-words';

export const registerSensitiveRoutes: RouteRegistrar = (app, deps) => {
  const common = { tags: ['content'] };
  const ctx = (a: ReturnType<typeof accessOf>) => ({ actor: actorOf(a.principal), now: deps.clock.now() });

  app.openapi(
    createRoute({
      ...guard(deps, 'read'),
      ...common,
      method: 'get',
      path: base,
      summary: 'The sensitive-word list, by word',
      request: { params: WorkspaceParam, query: z.object({ level: z.enum(SENSITIVE_LEVELS).optional() }) },
      responses: {
        200: jsonContent(z.object({ items: z.array(Word) }), 'The list'),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const items = await listSensitiveWords(
        deps.store.db,
        accessOf(c).workspace.id,
        c.req.valid('query').level,
      );
      return c.json({ items: z.array(Word).parse(items) }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      ...common,
      method: 'post',
      path: base,
      summary: 'Add words, or change the level of words already listed',
      request: { params: WorkspaceParam, body: jsonBody(SensitiveWordsInput) },
      responses: {
        200: jsonContent(z.object({ items: z.array(Word) }), 'The words as saved'),
        ...errorResponses(400, 401, 403, 404, 415),
      },
    }),
    async (c) => {
      const a = accessOf(c);
      const items = await addSensitiveWords(deps.store.db, a.workspace.id, c.req.valid('json'), ctx(a));
      return c.json({ items: z.array(Word).parse(items) }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'read'),
      ...common,
      method: 'post',
      path: `${base}/check`,
      summary: 'Which listed words a text contains, and where',
      request: { params: WorkspaceParam, body: jsonBody(z.strictObject({ text: z.string().max(20_000) })) },
      responses: { 200: jsonContent(Report, 'Matches'), ...errorResponses(400, 401, 403, 404, 415) },
    }),
    async (c) => {
      const r = await checkSensitive(deps.store.db, accessOf(c).workspace.id, c.req.valid('json').text);
      return c.json(Report.parse(r), 200);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      ...common,
      method: 'delete',
      path: `${base}/{id}`,
      summary: 'Remove a word from the list',
      request: { params: Params },
      responses: { 204: { description: 'Removed' }, ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const a = accessOf(c);
      await deleteSensitiveWord(deps.store.db, a.workspace.id, c.req.valid('param').id, ctx(a));
      return c.body(null, 204);
    },
  );
};
