// Saved segments (CRUD, count, members, CSV export) and the ad-hoc count of an expression.
import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../../platform/auth/principal.js';
import { roleSeesPii } from '../../platform/auth/roles.js';
import type { RouteRegistrar } from '../../platform/http/context.js';
import { accessOf, guard } from '../../platform/http/guards.js';
import {
  PageQuery,
  WorkspaceParam,
  errorResponses,
  jsonBody,
  jsonContent,
} from '../../platform/http/schemas.js';
import { audienceIndexFor } from '../index/audience-index.js';
import { viewerScope } from './viewer-scope.js';
import type { SegmentAst } from '../segments/segment-ast.js';
import { createSegment } from './create-segment.js';
import { deleteSegment } from './delete-segment.js';
import { exportSegmentCsv } from './export-segment.js';
import { listSegmentMembers } from './list-segment-members.js';
import { listSegments } from './list-segments.js';
import { SegmentInput, getSegmentByName } from './saved-segment.js';
import { SegmentPatch, updateSegment } from './update-segment.js';

const Segment = z
  .object({
    id: z.string(),
    name: z.string(),
    expression: z.string(),
    description: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Segment');
const Member = z
  .object({
    id: z.number(),
    externalId: z.string(),
    name: z.string().nullable(),
    phone: z.string().nullable(),
    city: z.string().nullable(),
    tags: z.array(z.string()),
  })
  .openapi('SegmentMember');
const Count = z.object({ count: z.number().int() }).openapi('SegmentCount');
const NameParams = WorkspaceParam.extend({
  name: z.string().openapi({ param: { name: 'name', in: 'path' } }),
});
const AtQuery = z.object({ at: z.iso.datetime({ offset: true }).optional() });
const CountInput = z.strictObject({
  expression: z.string().min(1).max(4000),
  at: z.iso.datetime({ offset: true }).optional(),
});

const saved = (name: string): SegmentAst => ({ kind: 'segment', name, position: 1 });

export const registerSegmentRoutes: RouteRegistrar = (app, deps) => {
  const at = (iso: string | undefined) => (iso ? new Date(iso) : deps.clock.now());
  const tag = ['segments'];

  app.openapi(
    createRoute({
      ...guard(deps, 'read:own'),
      method: 'post',
      path: '/api/v1/workspaces/{ws}/segments/count',
      tags: tag,
      summary: 'Count the contacts matching an expression (400 SEGMENT_SYNTAX with details.position)',
      request: { params: WorkspaceParam, body: jsonBody(CountInput) },
      responses: { 200: jsonContent(Count, 'Count'), ...errorResponses(400, 401, 403, 404, 415) },
    }),
    async (c) => {
      const { expression, at: when } = c.req.valid('json');
      const access = accessOf(c);
      const count = await audienceIndexFor(deps.store).count(access.workspace.id, expression, {
        at: at(when),
        within: await viewerScope(deps.store.db, access),
      });
      return c.json(Count.parse({ count }), 200);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'read:own'),
      method: 'get',
      path: '/api/v1/workspaces/{ws}/segments',
      tags: tag,
      summary: 'Saved segments',
      request: { params: WorkspaceParam },
      responses: {
        200: jsonContent(z.object({ items: z.array(Segment) }), 'Segments'),
        ...errorResponses(401, 403, 404),
      },
    }),
    async (c) => {
      const items = await listSegments(deps.store.db, accessOf(c).workspace.id);
      return c.json({ items: z.array(Segment).parse(items) }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      method: 'post',
      path: '/api/v1/workspaces/{ws}/segments',
      tags: tag,
      summary: 'Save a segment (expression checked: syntax, unknown references, cycles)',
      request: { params: WorkspaceParam, body: jsonBody(SegmentInput) },
      responses: { 201: jsonContent(Segment, 'Saved'), ...errorResponses(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const access = accessOf(c);
      const s = await createSegment(deps.store.db, access.workspace.id, c.req.valid('json'), {
        actor: actorOf(access.principal),
        now: deps.clock.now(),
      });
      return c.json(Segment.parse(s), 201);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'read:own'),
      method: 'get',
      path: '/api/v1/workspaces/{ws}/segments/{name}',
      tags: tag,
      summary: 'A saved segment',
      request: { params: NameParams },
      responses: { 200: jsonContent(Segment, 'Segment'), ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const s = await getSegmentByName(deps.store.db, accessOf(c).workspace.id, c.req.valid('param').name);
      return c.json(Segment.parse(s), 200);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      method: 'patch',
      path: '/api/v1/workspaces/{ws}/segments/{name}',
      tags: tag,
      summary: "Change a saved segment's expression or description",
      request: { params: NameParams, body: jsonBody(SegmentPatch) },
      responses: { 200: jsonContent(Segment, 'Changed'), ...errorResponses(400, 401, 403, 404, 415) },
    }),
    async (c) => {
      const access = accessOf(c);
      const s = await updateSegment(
        deps.store.db,
        access.workspace.id,
        c.req.valid('param').name,
        c.req.valid('json'),
        { actor: actorOf(access.principal), now: deps.clock.now() },
      );
      return c.json(Segment.parse(s), 200);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      method: 'delete',
      path: '/api/v1/workspaces/{ws}/segments/{name}',
      tags: tag,
      summary: 'Delete a saved segment (409 while another segment refers to it)',
      request: { params: NameParams },
      responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 403, 404, 409) },
    }),
    async (c) => {
      const access = accessOf(c);
      await deleteSegment(deps.store.db, access.workspace.id, c.req.valid('param').name, {
        actor: actorOf(access.principal),
        now: deps.clock.now(),
      });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'read:own'),
      method: 'get',
      path: '/api/v1/workspaces/{ws}/segments/{name}/count',
      tags: tag,
      summary: "Count a saved segment's contacts now (or at ?at=)",
      request: { params: NameParams, query: AtQuery },
      responses: { 200: jsonContent(Count, 'Count'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const access = accessOf(c);
      const count = await audienceIndexFor(deps.store).count(
        access.workspace.id,
        saved(c.req.valid('param').name),
        { at: at(c.req.valid('query').at), within: await viewerScope(deps.store.db, access) },
      );
      return c.json(Count.parse({ count }), 200);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'read:own'),
      method: 'get',
      path: '/api/v1/workspaces/{ws}/segments/{name}/members',
      tags: tag,
      summary: "A page of a saved segment's contacts (phones masked unless your role sees personal data)",
      request: { params: NameParams, query: PageQuery.extend(AtQuery.shape) },
      responses: {
        200: jsonContent(
          z.object({ items: z.array(Member), total: z.number().int(), nextCursor: z.string().nullable() }),
          'Members',
        ),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const access = accessOf(c);
      const q = c.req.valid('query');
      const page = await listSegmentMembers(
        deps.store,
        access.workspace.id,
        saved(c.req.valid('param').name),
        {
          at: at(q.at),
          cursor: q.cursor,
          limit: q.limit,
          seesPii: roleSeesPii(access.role),
          within: await viewerScope(deps.store.db, access),
        },
      );
      return c.json({ ...page, items: z.array(Member).parse(page.items) }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'read:own'),
      method: 'get',
      path: '/api/v1/workspaces/{ws}/segments/{name}/export',
      tags: tag,
      summary: "A saved segment's contacts as CSV (streamed)",
      request: { params: NameParams, query: AtQuery },
      responses: {
        200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } },
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const access = accessOf(c);
      const { name } = c.req.valid('param');
      // Fail with a proper status before the stream starts.
      await getSegmentByName(deps.store.db, access.workspace.id, name);
      const lines = exportSegmentCsv(deps.store, access.workspace.id, saved(name), {
        at: at(c.req.valid('query').at),
        seesPii: roleSeesPii(access.role),
        within: await viewerScope(deps.store.db, access),
      });
      const encoder = new TextEncoder();
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const next = await lines.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        },
      });
      return c.body(body, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="segment-${encodeURIComponent(name)}.csv"`,
      });
    },
  );
};
