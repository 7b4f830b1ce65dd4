// Contact import (the file is the request body, streamed) and CSV export.
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../platform/auth/principal.js';
import { roleSeesPii } from '../platform/auth/roles.js';
import { AppError } from '../platform/errors.js';
import type { RouteRegistrar } from '../platform/http/context.js';
import { accessOf, guard } from '../platform/http/guards.js';
import { errorResponses, jsonContent, WorkspaceParam } from '../platform/http/schemas.js';
import { exportContacts } from './export-contacts.js';
import { importContacts } from './import-contacts.js';
import type { ImportFormat } from './import/read-contact-import.js';

const ImportResult = z
  .object({
    imported: z.number().int().openapi({ description: 'new contacts' }),
    updated: z
      .number()
      .int()
      .openapi({ description: 'existing contacts whose fields changed or that gained tags' }),
    unchanged: z.number().int().openapi({ description: 'existing contacts the file did not change' }),
    failed: z.number().int(),
    errors: z.array(z.object({ line: z.number().int(), reason: z.string() })).openapi({
      description: 'the first 1,000 rejected rows',
    }),
    errorsTruncated: z.literal(true).optional(),
  })
  .openapi('ContactImportResult');

const FORMATS: Record<string, ImportFormat> = {
  'text/csv': 'csv',
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
};

const ExportQuery = z.object({
  segment: z.string().min(1).optional().openapi({ description: 'a saved segment name' }),
  expression: z.string().min(1).optional().openapi({ description: 'a segment expression' }),
});

export const registerImportRoutes: RouteRegistrar = (app, deps) => {
  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      method: 'post',
      path: '/api/v1/workspaces/{ws}/imports/contacts',
      tags: ['audience'],
      summary: 'Import contacts: the body is a CSV or JSONL file (upsert by external_id, tags merge in)',
      request: {
        params: WorkspaceParam,
        body: {
          required: true,
          content: {
            'text/csv': { schema: z.string() },
            'application/x-ndjson': { schema: z.string() },
          },
        },
      },
      responses: {
        200: jsonContent(ImportResult, 'The file was processed (rejected rows are listed)'),
        ...errorResponses(400, 401, 403, 404, 413, 415),
      },
    }),
    async (c) => {
      const access = accessOf(c);
      const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      const format = FORMATS[type];
      if (!format) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'send the file as text/csv or application/x-ndjson', {
          accepted: Object.keys(FORMATS),
        });
      }
      const body = c.req.raw.body;
      if (!body) throw new AppError('IMPORT_UNREADABLE', 'cannot read input: the request has no body');
      const r = await importContacts(
        deps.store.db,
        access.workspace.id,
        Readable.fromWeb(body as WebReadableStream<Uint8Array>),
        { format, now: deps.clock.now(), actor: actorOf(access.principal) },
      );
      return c.json(ImportResult.parse(r), 200);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'read:own'),
      method: 'get',
      path: '/api/v1/workspaces/{ws}/exports/contacts.csv',
      tags: ['audience'],
      summary: 'Contacts as CSV (UTF-8 with BOM), all or a segment; phones masked unless the role sees PII',
      request: { params: WorkspaceParam, query: ExportQuery },
      responses: {
        200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } },
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const access = accessOf(c);
      const q = c.req.valid('query');
      if (q.segment && q.expression) {
        throw new AppError('VALIDATION', 'give segment or expression, not both', {
          query: ['segment', 'expression'],
        });
      }
      const chunks = exportContacts(deps.store, access.workspace.id, {
        segment: q.segment,
        expression: q.expression,
        seesPii: roleSeesPii(access.role),
        ...(access.role === 'koc' ? { koc: { id: access.kocId } } : {}),
        now: deps.clock.now(),
      });
      // The header comes after the segment is resolved: a bad expression is still a JSON error here.
      const first = await chunks.next();
      const encoder = new TextEncoder();
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          if (!first.done) controller.enqueue(encoder.encode(first.value));
        },
        async pull(controller) {
          const next = await chunks.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        },
        async cancel() {
          await chunks.return(undefined);
        },
      });
      return c.body(stream, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="contacts-${access.workspace.slug}.csv"`,
      });
    },
  );
};
