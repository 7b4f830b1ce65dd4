// Event ingestion over HTTP: a JSON batch (up to 10,000) or an NDJSON upload, idempotent by event id.
import { Readable } from 'node:stream';
import type { ReadableStream } from 'node:stream/web';
import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '../../platform/errors.js';
import type { GuimiContext, RouteRegistrar } from '../../platform/http/context.js';
import { accessOf, guard } from '../../platform/http/guards.js';
import { errorResponses, jsonBody, jsonContent, WorkspaceParam } from '../../platform/http/schemas.js';
import { validateEventRecord } from '../import/event-row.js';
import type { EventImportItem } from '../import/read-event-import.js';
import { importEvents } from './import-events.js';
import { ingestEvents } from './ingest-events.js';

export const MAX_BATCH = 10_000;
const EventRecord = z.record(z.string(), z.unknown()).openapi('EventRecord', {
  example: {
    id: 'e-1',
    contact: 'u-1',
    type: 'read',
    at: '2026-11-20T08:00:00+08:00',
    props: { article: 'a1' },
    source: { kind: 'koc', id: 'koc-7' },
  },
});
const ReportOf = (position: 'index' | 'line') =>
  z.object({
    ingested: z.number(),
    duplicates: z.number(),
    failed: z.number(),
    errors: z.array(z.object({ [position]: z.number(), reason: z.string() })),
  });
const path = '/api/v1/workspaces/{ws}/events';
const common = { tags: ['events'] };

export const registerEventRoutes: RouteRegistrar = (app, deps) => {
  const listenerError = (c: GuimiContext) => (e: unknown) =>
    c.get('log').error({ err: e }, 'events listener failed');

  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      ...common,
      method: 'post',
      path,
      summary:
        'Ingest a batch of events (up to 10,000); a repeated id is a duplicate, an unknown contact a row error',
      request: {
        params: WorkspaceParam,
        body: jsonBody(z.object({ events: z.array(EventRecord).min(1).max(MAX_BATCH) })),
      },
      responses: {
        200: jsonContent(ReportOf('index'), 'Processed (see failed and errors)'),
        ...errorResponses(400, 401, 403, 404, 413, 415),
      },
    }),
    async (c) => {
      const a = accessOf(c);
      const now = deps.clock.now();
      const items: EventImportItem[] = c.req.valid('json').events.map((record, index) => {
        const checked = validateEventRecord(record, now.getTime());
        return checked.row ? { line: index, row: checked.row } : { line: index, reason: checked.reason };
      });
      const r = await ingestEvents(deps.store.db, a.workspace.id, items, now, {
        onListenerError: listenerError(c),
      });
      return c.json({ ...r, errors: r.errors.map((e) => ({ index: e.line, reason: e.reason })) }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      ...common,
      method: 'post',
      path: `${path}/upload`,
      summary: 'Ingest an NDJSON upload (one event per line; errors by line, at most 1,000 listed)',
      request: {
        params: WorkspaceParam,
        body: { required: true, content: { 'application/x-ndjson': { schema: z.string() } } },
      },
      responses: {
        200: jsonContent(ReportOf('line'), 'Processed (see failed and errors)'),
        ...errorResponses(400, 401, 403, 404, 413, 415),
      },
    }),
    async (c) => {
      const a = accessOf(c);
      const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (type !== 'application/x-ndjson' && type !== 'application/jsonl') {
        throw new AppError(
          'UNSUPPORTED_MEDIA_TYPE',
          'upload events as application/x-ndjson, one JSON object per line',
        );
      }
      const body = c.req.raw.body;
      if (!body) throw new AppError('BAD_REQUEST', 'the upload is empty');
      const source = Readable.fromWeb(body as ReadableStream<Uint8Array>);
      const r = await importEvents(deps.store.db, a.workspace.id, source, () => deps.clock.now(), {
        onListenerError: listenerError(c),
      });
      return c.json(r, 200);
    },
  );
};
