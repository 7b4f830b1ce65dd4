// Tag groups, tags (with member counts), manual and bulk tagging.
import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../../platform/auth/principal.js';
import { AppError } from '../../platform/errors.js';
import type { GuimiContext, RouteRegistrar } from '../../platform/http/context.js';
import { accessOf, guard } from '../../platform/http/guards.js';
import { errorResponses, jsonBody, jsonContent, WorkspaceParam } from '../../platform/http/schemas.js';
import { ContactParams } from '../contacts/contacts.routes.js';
import { BulkTagInput, bulkTag } from './bulk-tag.js';
import { createTag, TagInput } from './create-tag.js';
import { createTagGroup, TagGroupInput } from './create-tag-group.js';
import { deleteTag } from './delete-tag.js';
import { deleteTagGroup } from './delete-tag-group.js';
import { listTagGroups } from './list-tag-groups.js';
import { listTags } from './list-tags.js';
import { readIdList } from './read-id-list.js';
import { renameTagGroup } from './rename-tag-group.js';
import { TagContactInput, tagContact } from './tag-contact.js';
import { TagPatch, updateTag } from './update-tag.js';

const Tag = z
  .object({
    id: z.string(),
    name: z.string(),
    groupId: z.string().nullable(),
    members: z.number(),
    createdAt: z.string(),
  })
  .openapi('Tag');
const TagGroup = z
  .object({ id: z.string(), name: z.string(), tags: z.number(), createdAt: z.string() })
  .openapi('TagGroup');
const BulkResult = z
  .object({
    matched: z.number(),
    changed: z.number(),
    unknown: z.number(),
    unknownExamples: z.array(z.string()),
  })
  .openapi('BulkTagResult');
const IdParams = WorkspaceParam.extend({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });
const UploadQuery = z.object({
  tags: z.string().min(1).openapi({ description: 'comma-separated tag names' }),
  action: z.enum(['add', 'remove']).default('add'),
});
const ws = '/api/v1/workspaces/{ws}';
const common = { tags: ['tags'] };
const noContent = { 204: { description: 'Done' } };

export const registerTagRoutes: RouteRegistrar = (app, deps) => {
  const who = (c: GuimiContext) => {
    const a = accessOf(c);
    return { wsId: a.workspace.id, actor: actorOf(a.principal), now: deps.clock.now() };
  };
  const db = deps.store.db;

  app.openapi(
    createRoute({
      ...guard(deps, 'read'),
      ...common,
      method: 'get',
      path: `${ws}/tag-groups`,
      summary: 'Tag groups',
      request: { params: WorkspaceParam },
      responses: {
        200: jsonContent(z.object({ items: z.array(TagGroup) }), 'Groups'),
        ...errorResponses(401, 403, 404),
      },
    }),
    async (c) => c.json({ items: z.array(TagGroup).parse(await listTagGroups(db, who(c).wsId)) }, 200),
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      ...common,
      method: 'post',
      path: `${ws}/tag-groups`,
      summary: 'Create a tag group',
      request: { params: WorkspaceParam, body: jsonBody(TagGroupInput) },
      responses: { 201: jsonContent(TagGroup, 'Created'), ...errorResponses(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const w = who(c);
      return c.json(TagGroup.parse(await createTagGroup(db, w.wsId, c.req.valid('json'), w.now)), 201);
    },
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      ...common,
      method: 'patch',
      path: `${ws}/tag-groups/{id}`,
      summary: 'Rename a tag group',
      request: { params: IdParams, body: jsonBody(TagGroupInput) },
      responses: { 200: jsonContent(TagGroup, 'Renamed'), ...errorResponses(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const g = await renameTagGroup(db, who(c).wsId, c.req.valid('param').id, c.req.valid('json'));
      return c.json(TagGroup.parse(g), 200);
    },
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      ...common,
      method: 'delete',
      path: `${ws}/tag-groups/{id}`,
      summary: 'Delete a tag group (its tags stay, ungrouped)',
      request: { params: IdParams },
      responses: { ...noContent, ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      await deleteTagGroup(db, who(c).wsId, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'read'),
      ...common,
      method: 'get',
      path: `${ws}/tags`,
      summary: 'Tags with member counts',
      request: { params: WorkspaceParam, query: z.object({ groupId: z.string().optional() }) },
      responses: {
        200: jsonContent(z.object({ items: z.array(Tag) }), 'Tags'),
        ...errorResponses(401, 403, 404),
      },
    }),
    async (c) =>
      c.json(
        { items: z.array(Tag).parse(await listTags(db, who(c).wsId, c.req.valid('query').groupId)) },
        200,
      ),
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      ...common,
      method: 'post',
      path: `${ws}/tags`,
      summary: 'Create a tag',
      request: { params: WorkspaceParam, body: jsonBody(TagInput) },
      responses: { 201: jsonContent(Tag, 'Created'), ...errorResponses(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const w = who(c);
      return c.json(Tag.parse(await createTag(db, w.wsId, c.req.valid('json'), w.now)), 201);
    },
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      ...common,
      method: 'patch',
      path: `${ws}/tags/{id}`,
      summary: 'Rename or regroup a tag',
      request: { params: IdParams, body: jsonBody(TagPatch) },
      responses: { 200: jsonContent(Tag, 'Changed'), ...errorResponses(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const w = who(c);
      return c.json(
        Tag.parse(await updateTag(db, w.wsId, c.req.valid('param').id, c.req.valid('json'), w.now)),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      ...common,
      method: 'delete',
      path: `${ws}/tags/{id}`,
      summary: 'Delete a tag (off every contact; its rules go too)',
      request: { params: IdParams },
      responses: { ...noContent, ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const w = who(c);
      await deleteTag(db, w.wsId, c.req.valid('param').id, { actor: w.actor, now: w.now });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      ...common,
      method: 'post',
      path: `${ws}/contacts/{id}/tags`,
      summary: 'Add or remove tags of one contact (by name; new names become tags)',
      request: { params: ContactParams, body: jsonBody(TagContactInput) },
      responses: {
        200: jsonContent(z.object({ tags: z.array(z.string()) }), 'The contact’s tags'),
        ...errorResponses(400, 401, 403, 404, 409, 415),
      },
    }),
    async (c) => {
      const w = who(c);
      const tags = await tagContact(db, w.wsId, c.req.valid('param').id, c.req.valid('json'), {
        addedBy: 'manual',
        now: w.now,
      });
      return c.json({ tags }, 200);
    },
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      ...common,
      method: 'post',
      path: `${ws}/tags/bulk`,
      summary: 'Add or remove tags on a segment’s members or a list of external ids',
      request: { params: WorkspaceParam, body: jsonBody(BulkTagInput) },
      responses: { 200: jsonContent(BulkResult, 'Tagged'), ...errorResponses(400, 401, 403, 404, 415) },
    }),
    async (c) => {
      const w = who(c);
      return c.json(BulkResult.parse(await bulkTag(deps.store, w.wsId, c.req.valid('json'), w)), 200);
    },
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      ...common,
      method: 'post',
      path: `${ws}/tags/bulk/upload`,
      summary:
        'Add or remove tags on the contacts of an uploaded file of external ids (text/csv, one per line)',
      request: {
        params: WorkspaceParam,
        query: UploadQuery,
        body: { required: true, content: { 'text/csv': { schema: z.string() } } },
      },
      responses: { 200: jsonContent(BulkResult, 'Tagged'), ...errorResponses(400, 401, 403, 404, 413, 415) },
    }),
    async (c) => {
      const w = who(c);
      const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (type !== 'text/csv') {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'upload the external ids as text/csv, one per line');
      }
      const q = c.req.valid('query');
      const externalIds = readIdList(await c.req.text());
      const tags = q.tags
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean);
      return c.json(
        BulkResult.parse(await bulkTag(deps.store, w.wsId, { tags, action: q.action, externalIds }, w)),
        200,
      );
    },
  );
};
