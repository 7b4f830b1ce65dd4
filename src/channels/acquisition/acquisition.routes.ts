// Acquisition codes (渠道活码) over HTTP: create / list / archive / rotate (group codes), QR images,
// per-code stats, and the simulator's scan (a virtual fan brings a code's token).
import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../../platform/auth/principal.js';
import type { RouteRegistrar } from '../../platform/http/context.js';
import { accessOf, guard } from '../../platform/http/guards.js';
import { errorResponses, jsonBody, jsonContent, WorkspaceParam } from '../../platform/http/schemas.js';
import { archiveAcquisitionCode } from './archive-code.js';
import { codeQr } from './code-qr.js';
import { codeStats } from './code-stats.js';
import { CodeInput, findCodeRow, SCENES, toCodeView } from './code-view.js';
import { createAcquisitionCode } from './create-code.js';
import { listAcquisitionCodes } from './list-codes.js';
import { rotateGroupCode } from './rotate-code.js';
import { simulateScan } from './simulate-scan.js';

const Code = z
  .object({
    id: z.string(),
    name: z.string(),
    kocId: z.string().nullable(),
    scene: z.string(),
    kind: z.string(),
    accountIds: z.array(z.string()),
    greetingScriptId: z.string().nullable(),
    autoTags: z.array(z.string()),
    inviteGroupId: z.string().nullable(),
    groupCapacity: z.number(),
    token: z.string(),
    wecomState: z.string().nullable(),
    qrContent: z.string(),
    status: z.string(),
    createdAt: z.string(),
  })
  .openapi('AcquisitionCode');
const Retention = z.object({ eligible: z.number(), retained: z.number(), rate: z.number().nullable() });
const Stats = z
  .object({
    codeId: z.string(),
    scans: z.number(),
    adds: z.number(),
    attributed: z.number(),
    groups: z.array(z.object({ groupId: z.string(), members: z.number() })),
    retention: z.object({ d7: Retention, d30: Retention }),
  })
  .openapi('AcquisitionCodeStats');
const Params = WorkspaceParam.extend({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });

export const registerAcquisitionRoutes: RouteRegistrar = (app, deps) => {
  const base = '/api/v1/workspaces/{ws}/acquisition';
  const tags = ['acquisition'];
  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      method: 'post',
      path: `${base}/codes`,
      tags,
      summary: 'Create a channel code for a KOC and scene (on WeCom: a contact way)',
      request: { params: WorkspaceParam, body: jsonBody(CodeInput) },
      responses: { 201: jsonContent(Code, 'Created'), ...errorResponses(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const access = accessOf(c);
      const code = await createAcquisitionCode(
        deps,
        access.workspace.id,
        c.req.valid('json'),
        actorOf(access.principal),
      );
      return c.json(Code.parse(code), 201);
    },
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'read'),
      method: 'get',
      path: `${base}/codes`,
      tags,
      summary: 'List channel codes',
      request: {
        params: WorkspaceParam,
        query: z.object({
          kocId: z.string().optional(),
          scene: z.enum(SCENES).optional(),
          status: z.enum(['active', 'archived']).optional(),
        }),
      },
      responses: {
        200: jsonContent(z.object({ items: z.array(Code) }), 'Codes'),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const items = await listAcquisitionCodes(deps.store.db, accessOf(c).workspace.id, c.req.valid('query'));
      return c.json({ items: z.array(Code).parse(items) }, 200);
    },
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'read'),
      method: 'get',
      path: `${base}/codes/{id}`,
      tags,
      summary: 'One channel code',
      request: { params: Params },
      responses: { 200: jsonContent(Code, 'Code'), ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const row = await findCodeRow(deps.store.db, accessOf(c).workspace.id, c.req.valid('param').id);
      return c.json(Code.parse(toCodeView(row)), 200);
    },
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'read'),
      method: 'get',
      path: `${base}/codes/{id}/stats`,
      tags,
      summary: 'Scans, adds, attributed fans and 7/30-day retention of a code',
      request: { params: Params },
      responses: { 200: jsonContent(Stats, 'Stats'), ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const s = await codeStats(
        deps.store.db,
        accessOf(c).workspace.id,
        c.req.valid('param').id,
        deps.clock.now(),
      );
      return c.json(Stats.parse(s), 200);
    },
  );
  for (const format of ['png', 'svg'] as const)
    app.openapi(
      createRoute({
        ...guard(deps, 'read'),
        method: 'get',
        path: `${base}/codes/{id}/qr.${format}`,
        tags,
        summary: `The code's QR image (${format.toUpperCase()})`,
        request: { params: Params },
        responses: {
          200: {
            description: 'The QR image',
            content: { [format === 'png' ? 'image/png' : 'image/svg+xml']: { schema: z.string() } },
          },
          ...errorResponses(401, 403, 404),
        },
      }),
      async (c) => {
        const id = c.req.valid('param').id;
        const qr = await codeQr(deps.store.db, accessOf(c).workspace.id, id, format);
        return new Response(qr.body, {
          status: 200,
          headers: {
            'content-type': qr.contentType,
            'content-disposition': `inline; filename="${id}.${format}"`,
          },
        });
      },
    );
  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      method: 'post',
      path: `${base}/codes/{id}/archive`,
      tags,
      summary: 'Archive a code (it attributes no new fans)',
      request: { params: Params },
      responses: { 200: jsonContent(Code, 'Archived'), ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const access = accessOf(c);
      const code = await archiveAcquisitionCode(deps.store.db, access.workspace.id, c.req.valid('param').id, {
        actor: actorOf(access.principal),
        now: deps.clock.now(),
      });
      return c.json(Code.parse(code), 200);
    },
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      method: 'post',
      path: `${base}/codes/{id}/rotate`,
      tags,
      summary: 'Rotate a group code now: its next group opens and new fans go there',
      request: { params: Params },
      responses: {
        200: jsonContent(z.object({ groupId: z.string() }), 'Rotated'),
        ...errorResponses(401, 403, 404, 409),
      },
    }),
    async (c) => {
      const access = accessOf(c);
      const r = await rotateGroupCode(deps.store.db, access.workspace.id, c.req.valid('param').id, {
        actor: actorOf(access.principal),
        now: deps.clock.now(),
      });
      return c.json(r, 200);
    },
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      method: 'post',
      path: `${base}/simulator/scan`,
      tags,
      summary: 'Simulator: a virtual fan scans a code and sends its token',
      request: {
        params: WorkspaceParam,
        body: jsonBody(
          z.strictObject({
            token: z.string().min(1).max(30),
            fan: z.strictObject({
              externalId: z.string().min(1).max(200),
              name: z.string().max(100).optional(),
            }),
          }),
        ),
      },
      responses: {
        200: jsonContent(
          z.object({
            contactId: z.number(),
            created: z.boolean(),
            acquired: z
              .object({ codeId: z.string(), greeted: z.boolean(), tagged: z.array(z.string()) })
              .nullable(),
          }),
          'Scanned',
        ),
        ...errorResponses(400, 401, 403, 404, 409, 415),
      },
    }),
    async (c) => {
      const r = await simulateScan(deps, accessOf(c).workspace.id, c.req.valid('json'));
      return c.json(
        {
          contactId: r.contactId,
          created: r.created,
          acquired: r.acquired
            ? { codeId: r.acquired.codeId, greeted: r.acquired.greeted, tagged: r.acquired.tagged }
            : null,
        },
        200,
      );
    },
  );
};
