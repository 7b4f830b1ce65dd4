// The script library (话术库): CRUD, Chinese full-text search, and preview against a real contact.
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
import { SensitiveHit } from '../sensitive/sensitive.routes.js';
import { createScript, NewScriptInput } from './create-script.js';
import { deleteScript } from './delete-script.js';
import { getScript } from './get-script.js';
import { listScripts } from './list-scripts.js';
import { PreviewInput, previewScript } from './preview-script.js';
import { SCRIPT_PURPOSES } from './script-view.js';
import { ScriptPatch, updateScript } from './update-script.js';

export const Script = z
  .object({
    id: z.string(),
    name: z.string(),
    purpose: z.enum(SCRIPT_PURPOSES),
    body: z.string(),
    promotion: z.boolean(),
    variables: z.array(z.string()),
    attachments: z.array(z.string()).openapi({ description: 'material ids, in order' }),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Script');
const Saved = z.object({ script: Script, warnings: z.array(SensitiveHit) }).openapi('SavedScript');
const Preview = z
  .object({
    contactId: z.number().int(),
    text: z.string(),
    used: z.array(z.string()),
    defaulted: z.array(z.string()),
    missing: z.array(z.string()),
    attachments: z.array(z.object({ id: z.string(), kind: z.string(), title: z.string() })),
    sensitive: z.object({ blocked: z.array(SensitiveHit), warnings: z.array(SensitiveHit) }),
  })
  .openapi('ScriptPreview');
const Params = WorkspaceParam.extend({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });
const ListQuery = PageQuery.extend({
  q: z.string().max(200).optional().openapi({ description: 'words that must all occur (Chinese segmented)' }),
  purpose: z.enum(SCRIPT_PURPOSES).optional(),
  promotion: z.enum(['true', 'false']).optional(),
});
const base = '/api/v1/workspaces/{ws}/scripts';

export const registerScriptRoutes: RouteRegistrar = (app, deps) => {
  const common = { tags: ['content'] };
  const ctx = (a: ReturnType<typeof accessOf>) => ({ actor: actorOf(a.principal), now: deps.clock.now() });

  app.openapi(
    createRoute({
      ...guard(deps, 'read'),
      ...common,
      method: 'get',
      path: base,
      summary: 'Scripts: newest first, or with q ranked by how often its words occur',
      request: { params: WorkspaceParam, query: ListQuery },
      responses: {
        200: jsonContent(z.object({ items: z.array(Script), nextCursor: z.string().nullable() }), 'A page'),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const page = await listScripts(deps.store.db, accessOf(c).workspace.id, {
        ...q,
        promotion: q.promotion === undefined ? undefined : q.promotion === 'true',
      });
      return c.json({ items: z.array(Script).parse(page.items), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      ...common,
      method: 'post',
      path: base,
      summary: 'Add a script (bad template syntax or a blocked word: 400 with its position)',
      request: { params: WorkspaceParam, body: jsonBody(NewScriptInput) },
      responses: {
        201: jsonContent(Saved, 'Saved, with warn-list words found'),
        ...errorResponses(400, 401, 403, 404, 415),
      },
    }),
    async (c) => {
      const a = accessOf(c);
      const r = await createScript(deps.store.db, a.workspace.id, c.req.valid('json'), ctx(a));
      return c.json(Saved.parse(r), 201);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'read'),
      ...common,
      method: 'get',
      path: `${base}/{id}`,
      summary: 'A script',
      request: { params: Params },
      responses: { 200: jsonContent(Script, 'The script'), ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const s = await getScript(deps.store.db, accessOf(c).workspace.id, c.req.valid('param').id);
      return c.json(Script.parse(s), 200);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      ...common,
      method: 'patch',
      path: `${base}/{id}`,
      summary: 'Change a script (the body is checked again)',
      request: { params: Params, body: jsonBody(ScriptPatch) },
      responses: { 200: jsonContent(Saved, 'Saved'), ...errorResponses(400, 401, 403, 404, 415) },
    }),
    async (c) => {
      const a = accessOf(c);
      const r = await updateScript(
        deps.store.db,
        a.workspace.id,
        c.req.valid('param').id,
        c.req.valid('json'),
        ctx(a),
      );
      return c.json(Saved.parse(r), 200);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      ...common,
      method: 'delete',
      path: `${base}/{id}`,
      summary: 'Delete a script',
      request: { params: Params },
      responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const a = accessOf(c);
      await deleteScript(deps.store.db, a.workspace.id, c.req.valid('param').id, ctx(a));
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'read'),
      ...common,
      method: 'post',
      path: `${base}/{id}/preview`,
      summary: 'Render a script for a real contact; lists variables used, defaulted and missing',
      request: { params: Params, body: jsonBody(PreviewInput) },
      responses: {
        200: jsonContent(Preview, 'The rendered message'),
        ...errorResponses(400, 401, 403, 404, 415),
      },
    }),
    async (c) => {
      const a = accessOf(c);
      const p = await previewScript(deps.store.db, a.workspace, c.req.valid('param').id, c.req.valid('json'));
      return c.json(Preview.parse(p), 200);
    },
  );
};
