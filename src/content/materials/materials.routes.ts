// The material library over HTTP: files come as multipart/form-data (a `file` part and an optional
// `metadata` JSON part), text and cards as JSON; files download from /materials/{id}/file.
import { Readable } from 'node:stream';
import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../../platform/auth/principal.js';
import { AppError } from '../../platform/errors.js';
import type { RouteRegistrar } from '../../platform/http/context.js';
import { accessOf, guard } from '../../platform/http/guards.js';
import {
  errorResponses,
  jsonBody,
  jsonContent,
  PageQuery,
  WorkspaceParam,
} from '../../platform/http/schemas.js';
import { parseInput } from '../parse-input.js';
import { addCardMaterial } from './add-card-material.js';
import { addFileMaterial, FileMaterialMeta } from './add-file-material.js';
import { CardMaterialInput, type CardMaterial } from './card-input.js';
import { deleteMaterial } from './delete-material.js';
import { openFile } from './file-store.js';
import { listMaterials } from './list-materials.js';
import { findMaterialRow, getMaterial, MATERIAL_KINDS } from './material-view.js';
import { MaterialPatch, updateMaterial } from './update-material.js';

export const Material = z
  .object({
    id: z.string(),
    kind: z.enum(MATERIAL_KINDS),
    title: z.string(),
    folderId: z.string().nullable(),
    tags: z.array(z.string()),
    file: z
      .object({
        sha256: z.string(),
        size: z.number().int(),
        mimeType: z.string(),
        name: z.string().nullable(),
      })
      .nullable(),
    data: z.record(z.string(), z.unknown()),
    useCount: z.number().int(),
    lastUsedAt: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Material');
const UploadForm = z.object({
  file: z.any().openapi({ type: 'string', format: 'binary', description: 'PNG, JPEG, GIF, WebP or MP4' }),
  metadata: z.string().optional().openapi({ description: 'JSON: { kind?, title?, folderId?, tags? }' }),
});
const Params = WorkspaceParam.extend({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });
const ListQuery = PageQuery.extend({
  kind: z.enum(MATERIAL_KINDS).optional(),
  folderId: z.string().optional(),
  tag: z.string().max(50).optional(),
  q: z.string().max(100).optional().openapi({ description: 'text in the title' }),
});
const base = '/api/v1/workspaces/{ws}/materials';

export const registerMaterialRoutes: RouteRegistrar = (app, deps) => {
  const common = { tags: ['content'] };
  const ctx = (a: ReturnType<typeof accessOf>) => ({
    actor: actorOf(a.principal),
    now: deps.clock.now(),
    dataDir: deps.config.GUIMI_DATA_DIR,
  });

  app.openapi(
    createRoute({
      ...guard(deps, 'read'),
      ...common,
      method: 'get',
      path: base,
      summary: 'Materials, newest first (keyset pages)',
      request: { params: WorkspaceParam, query: ListQuery },
      responses: {
        200: jsonContent(z.object({ items: z.array(Material), nextCursor: z.string().nullable() }), 'A page'),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const page = await listMaterials(deps.store.db, accessOf(c).workspace.id, c.req.valid('query'));
      return c.json({ items: z.array(Material).parse(page.items), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      ...common,
      method: 'post',
      path: base,
      summary: 'Add a material: a file (multipart/form-data) or a text or card (JSON)',
      request: {
        params: WorkspaceParam,
        // Not `required`: with two media types, each validator then runs only for its own type.
        body: {
          required: false,
          content: {
            'multipart/form-data': { schema: UploadForm },
            'application/json': { schema: CardMaterialInput },
          },
        },
      },
      responses: {
        201: jsonContent(Material, 'Added'),
        ...errorResponses(400, 401, 403, 404, 413, 415),
      },
    }),
    async (c) => {
      const a = accessOf(c);
      const type = c.req.header('content-type') ?? '';
      if (!type)
        throw new AppError(
          'UNSUPPORTED_MEDIA_TYPE',
          'send multipart/form-data (a file) or JSON (a text or card)',
        );
      if (!type.toLowerCase().startsWith('multipart/form-data')) {
        // Validated against CardMaterialInput by the route (typed as the union of both bodies).
        const card = c.req.valid('json') as CardMaterial;
        return c.json(
          Material.parse(await addCardMaterial(deps.store.db, a.workspace.id, card, ctx(a))),
          201,
        );
      }
      const form = await c.req.parseBody();
      const file = form.file;
      if (!(file instanceof File))
        throw new AppError('VALIDATION', 'form: a "file" part is required', { field: 'file' });
      const meta = parseInput(
        FileMaterialMeta,
        typeof form.metadata === 'string' ? parseJson(form.metadata) : {},
        'metadata',
      );
      const bytes = new Uint8Array(await file.arrayBuffer());
      const m = await addFileMaterial(
        deps.store.db,
        a.workspace.id,
        meta,
        { bytes, name: file.name, type: file.type },
        ctx(a),
      );
      return c.json(Material.parse(m), 201);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'read'),
      ...common,
      method: 'get',
      path: `${base}/{id}`,
      summary: 'A material',
      request: { params: Params },
      responses: { 200: jsonContent(Material, 'The material'), ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const m = await getMaterial(deps.store.db, accessOf(c).workspace.id, c.req.valid('param').id);
      return c.json(Material.parse(m), 200);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'read'),
      ...common,
      method: 'get',
      path: `${base}/{id}/file`,
      summary: "Download a material's file",
      request: { params: Params },
      responses: {
        200: {
          description: 'The bytes',
          content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
        },
        ...errorResponses(401, 403, 404),
      },
    }),
    async (c) => {
      const row = await findMaterialRow(deps.store.db, accessOf(c).workspace.id, c.req.valid('param').id);
      if (!row.file_sha256)
        throw new AppError('NOT_FOUND', `material ${row.id} (${row.kind}) has no file`, { id: row.id });
      const stream = await openFile(deps.config.GUIMI_DATA_DIR, row.file_sha256);
      const name = encodeURIComponent(row.file_name ?? row.file_sha256);
      return new Response(Readable.toWeb(stream) as ReadableStream, {
        status: 200,
        headers: {
          'content-type': row.mime_type ?? 'application/octet-stream',
          'content-length': String(row.file_size),
          'content-disposition': `inline; filename*=UTF-8''${name}`,
          // Content-addressed: the bytes behind this id never change.
          'cache-control': 'private, max-age=31536000, immutable',
          etag: `"${row.file_sha256}"`,
        },
      });
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      ...common,
      method: 'patch',
      path: `${base}/{id}`,
      summary: 'Change title, folder, tags, or the fields of a text or card',
      request: { params: Params, body: jsonBody(MaterialPatch) },
      responses: { 200: jsonContent(Material, 'Changed'), ...errorResponses(400, 401, 403, 404, 415) },
    }),
    async (c) => {
      const a = accessOf(c);
      const m = await updateMaterial(
        deps.store.db,
        a.workspace.id,
        c.req.valid('param').id,
        c.req.valid('json'),
        ctx(a),
      );
      return c.json(Material.parse(m), 200);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      ...common,
      method: 'delete',
      path: `${base}/{id}`,
      summary: 'Delete a material (refused while a script or card uses it; hidden if already sent)',
      request: { params: Params },
      responses: {
        200: jsonContent(z.object({ deleted: z.enum(['hidden', 'removed']) }), 'Deleted'),
        ...errorResponses(401, 403, 404, 409),
      },
    }),
    async (c) => {
      const a = accessOf(c);
      return c.json(
        await deleteMaterial(deps.store.db, a.workspace.id, c.req.valid('param').id, ctx(a)),
        200,
      );
    },
  );
};

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('BAD_JSON', 'form: the "metadata" part is not valid JSON', { field: 'metadata' });
  }
}
