// Folders of the material library.
import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../../platform/auth/principal.js';
import type { RouteRegistrar } from '../../platform/http/context.js';
import { accessOf, guard } from '../../platform/http/guards.js';
import { errorResponses, jsonBody, jsonContent, WorkspaceParam } from '../../platform/http/schemas.js';
import { createFolder, NewFolderInput } from './create-folder.js';
import { deleteFolder } from './delete-folder.js';
import { listFolders } from './list-folders.js';

const Folder = z
  .object({ id: z.string(), name: z.string(), createdAt: z.string(), materials: z.number().int() })
  .openapi('MaterialFolder');
const Params = WorkspaceParam.extend({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });
const base = '/api/v1/workspaces/{ws}/material-folders';

export const registerFolderRoutes: RouteRegistrar = (app, deps) => {
  const common = { tags: ['content'] };
  const ctx = (a: ReturnType<typeof accessOf>) => ({ actor: actorOf(a.principal), now: deps.clock.now() });

  app.openapi(
    createRoute({
      ...guard(deps, 'read'),
      ...common,
      method: 'get',
      path: base,
      summary: 'Material folders with their material counts',
      request: { params: WorkspaceParam },
      responses: {
        200: jsonContent(z.object({ items: z.array(Folder) }), 'Folders'),
        ...errorResponses(401, 403, 404),
      },
    }),
    async (c) => {
      const items = await listFolders(deps.store.db, accessOf(c).workspace.id);
      return c.json({ items: z.array(Folder).parse(items) }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      ...common,
      method: 'post',
      path: base,
      summary: 'Create a folder',
      request: { params: WorkspaceParam, body: jsonBody(NewFolderInput) },
      responses: { 201: jsonContent(Folder, 'Created'), ...errorResponses(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const a = accessOf(c);
      const f = await createFolder(deps.store.db, a.workspace.id, c.req.valid('json'), ctx(a));
      return c.json(Folder.parse({ ...f, materials: 0 }), 201);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      ...common,
      method: 'delete',
      path: `${base}/{id}`,
      summary: 'Delete a folder (its materials stay, outside any folder)',
      request: { params: Params },
      responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const a = accessOf(c);
      await deleteFolder(deps.store.db, a.workspace.id, c.req.valid('param').id, ctx(a));
      return c.body(null, 204);
    },
  );
};
