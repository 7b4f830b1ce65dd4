// Recruitment drives and their review queue (threshold verdicts per application; bulk approve/reject).
import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../../platform/auth/principal.js';
import { roleSeesPii } from '../../platform/auth/roles.js';
import type { RouteRegistrar } from '../../platform/http/context.js';
import { accessOf, guard } from '../../platform/http/guards.js';
import { errorResponses, jsonBody, jsonContent, WorkspaceParam } from '../../platform/http/schemas.js';
import { createDrive, listDrives, NewDriveInput, setDriveStatus } from './drives.js';
import { listApplications } from './list-applications.js';
import { reviewApplications } from './review-applications.js';
import { DrivePatch, updateDrive } from './update-drive.js';

const base = '/api/v1/workspaces/{ws}/koc/drives';
const DriveParams = WorkspaceParam.extend({
  driveId: z.string().openapi({ param: { name: 'driveId', in: 'path' } }),
});
const Drive = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.string(),
    rules: z.object({
      minFollowers: z.number(),
      leadMinFollowers: z.number(),
      minAvgReads: z.number(),
      minInteractionRate: z.number(),
      categories: z.array(z.string()),
      cities: z.array(z.string()),
    }),
    status: z.string(),
    createdAt: z.string(),
    applications: z.object({ pending: z.number(), approved: z.number(), rejected: z.number() }),
  })
  .openapi('RecruitmentDrive');
const Verdict = z.object({
  rule: z.string(),
  required: z.union([z.number(), z.array(z.string())]),
  actual: z.union([z.number(), z.string()]),
  pass: z.boolean(),
});
const Application = z
  .object({
    id: z.string(),
    driveId: z.string(),
    name: z.string(),
    phone: z.string(),
    city: z.string(),
    category: z.string(),
    platform: z.string(),
    handle: z.string(),
    followers: z.number(),
    avgReads: z.number(),
    avgLikes: z.number(),
    avgComments: z.number(),
    note: z.string().nullable(),
    score: z.number().openapi({ description: 'see src/koc/recruitment/drive-rules.ts' }),
    verdicts: z.array(Verdict),
    eligible: z.boolean(),
    leadEligible: z.boolean(),
    status: z.string(),
    reason: z.string().nullable(),
    kocId: z.string().nullable(),
    createdAt: z.string(),
    reviewedAt: z.string().nullable(),
    reviewedBy: z.string().nullable(),
  })
  .openapi('KocApplication');
const ReviewBody = z.strictObject({
  ids: z.array(z.string().min(1)).min(1).max(1000),
  decision: z.enum(['approve', 'reject']),
  reason: z.string().trim().max(500).optional(),
});
const Outcome = z.object({
  id: z.string(),
  ok: z.boolean(),
  status: z.string().optional(),
  kocId: z.string().nullable().optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});

export const registerDriveRoutes: RouteRegistrar = (app, deps) => {
  const tags = ['koc'];
  const readRoute = { ...guard(deps, 'read'), tags };

  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      tags,
      method: 'post',
      path: base,
      summary: 'Start a recruitment drive with threshold rules; its public page is /apply/{ws}/{driveId}',
      request: { params: WorkspaceParam, body: jsonBody(NewDriveInput) },
      responses: { 201: jsonContent(Drive, 'Created'), ...errorResponses(400, 401, 403, 404, 415) },
    }),
    async (c) => {
      const a = accessOf(c);
      const d = await createDrive(deps.store.db, a.workspace.id, c.req.valid('json'), {
        actor: actorOf(a.principal),
        now: deps.clock.now(),
      });
      return c.json(Drive.parse(d), 201);
    },
  );

  app.openapi(
    createRoute({
      ...readRoute,
      method: 'get',
      path: base,
      summary: 'Recruitment drives with application counts (empty for the koc role)',
      request: { params: WorkspaceParam },
      responses: {
        200: jsonContent(z.object({ items: z.array(Drive) }), 'Drives'),
        ...errorResponses(401, 403, 404),
      },
    }),
    async (c) => {
      const a = accessOf(c);
      const items = a.role === 'koc' ? [] : await listDrives(deps.store.db, a.workspace.id);
      return c.json({ items: z.array(Drive).parse(items) }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      tags,
      method: 'post',
      path: `${base}/{driveId}/status`,
      summary: 'Open or close a drive (a closed drive takes no applications)',
      request: {
        params: DriveParams,
        body: jsonBody(z.strictObject({ status: z.enum(['open', 'closed']) })),
      },
      responses: { 200: jsonContent(Drive, 'Changed'), ...errorResponses(400, 401, 403, 404, 415) },
    }),
    async (c) => {
      const a = accessOf(c);
      const d = await setDriveStatus(
        deps.store.db,
        a.workspace.id,
        c.req.valid('param').driveId,
        c.req.valid('json').status,
      );
      return c.json(Drive.parse(d), 200);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      tags,
      method: 'patch',
      path: `${base}/{driveId}`,
      summary: 'Rename a drive or change its thresholds (pending applications are assessed again)',
      request: { params: DriveParams, body: jsonBody(DrivePatch) },
      responses: {
        200: jsonContent(Drive.extend({ reassessed: z.number().int() }), 'Changed'),
        ...errorResponses(400, 401, 403, 404, 415),
      },
    }),
    async (c) => {
      const a = accessOf(c);
      const d = await updateDrive(
        deps.store.db,
        a.workspace.id,
        c.req.valid('param').driveId,
        c.req.valid('json'),
        { actor: actorOf(a.principal), now: deps.clock.now() },
      );
      return c.json(Drive.extend({ reassessed: z.number().int() }).parse(d), 200);
    },
  );

  app.openapi(
    createRoute({
      ...readRoute,
      method: 'get',
      path: `${base}/{driveId}/applications`,
      summary: 'The review queue: applications with their threshold verdicts, best score first',
      request: {
        params: DriveParams,
        query: z.object({
          status: z.enum(['pending', 'approved', 'rejected']).optional(),
          eligible: z.enum(['true', 'false']).optional(),
        }),
      },
      responses: {
        200: jsonContent(z.object({ items: z.array(Application) }), 'Applications'),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const a = accessOf(c);
      const q = c.req.valid('query');
      // Applicants are not the koc role's fans: it sees none of them.
      const items =
        a.role === 'koc'
          ? []
          : await listApplications(deps.store.db, a.workspace.id, c.req.valid('param').driveId, {
              status: q.status,
              eligible: q.eligible === undefined ? undefined : q.eligible === 'true',
              seesPii: roleSeesPii(a.role),
            });
      return c.json({ items: z.array(Application).parse(items) }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      tags,
      method: 'post',
      path: '/api/v1/workspaces/{ws}/koc/applications/review',
      summary: 'Approve (creates the KOC) or reject (with a reason) one or many applications',
      request: { params: WorkspaceParam, body: jsonBody(ReviewBody) },
      responses: {
        200: jsonContent(z.object({ items: z.array(Outcome) }), 'Per-application outcome'),
        ...errorResponses(400, 401, 403, 404, 415),
      },
    }),
    async (c) => {
      const a = accessOf(c);
      const { ids, decision, reason } = c.req.valid('json');
      const items = await reviewApplications(deps.store.db, a.workspace.id, ids, decision, {
        actor: actorOf(a.principal),
        reason,
        now: deps.clock.now(),
      });
      return c.json({ items: z.array(Outcome).parse(items) }, 200);
    },
  );
};
