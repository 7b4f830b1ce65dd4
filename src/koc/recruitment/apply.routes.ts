// The public side of recruitment: the application page /apply/{ws}/{drive} (HTML, no login) and the JSON
// endpoint it posts to, rate-limited per client address.
import { getConnInfo } from '@hono/node-server/conninfo';
import { createRoute, z } from '@hono/zod-openapi';
import { RateLimiter } from '../../platform/auth/rate-limit.js';
import type { GuimiContext, RouteRegistrar } from '../../platform/http/context.js';
import { errorResponses, jsonBody, jsonContent } from '../../platform/http/schemas.js';
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/store/database.js';
import { renderApplyPage, renderNotFoundPage } from './apply-page.js';
import { findDrive } from './drives.js';
import { submitApplication } from './submit-application.js';

/** Applications per client address per window: enough for a family sharing a phone's network. */
const MAX_PER_WINDOW = 20;
const WINDOW_MS = 10 * 60_000;

async function lookup(db: Db, slug: string, driveId: string) {
  const ws = await db
    .selectFrom('workspaces')
    .select(['id', 'name'])
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (!ws) throw new AppError('NOT_FOUND', '招募不存在');
  return { ws, drive: await findDrive(db, ws.id, driveId) };
}

function clientOf(c: GuimiContext): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // in-process requests (tests) have no socket
  }
}

export const registerApplyRoutes: RouteRegistrar = (app, deps) => {
  const limiter = new RateLimiter(MAX_PER_WINDOW, WINDOW_MS);

  app.get('/apply/:ws/:drive', async (c) => {
    const found = await lookup(deps.store.db, c.req.param('ws'), c.req.param('drive')).catch((e: unknown) => {
      if (e instanceof AppError && e.code === 'NOT_FOUND') return null;
      throw e;
    });
    if (!found) return c.html(renderNotFoundPage(), 404);
    const endpoint = `/api/v1/public/apply/${encodeURIComponent(c.req.param('ws'))}/${encodeURIComponent(found.drive.id)}`;
    return c.html(
      renderApplyPage({
        brand: found.ws.name,
        drive: found.drive.name,
        open: found.drive.status === 'open',
        endpoint,
      }),
      200,
    );
  });

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/public/apply/{ws}/{drive}',
      tags: ['koc'],
      summary: 'Apply to a recruitment drive (public, no login; rate-limited per client address)',
      description:
        'Body: name, phone, city, category, platform, handle, followers, avgReads, avgLikes, avgComments, note. ' +
        'Errors carry `details.fields` (field → message in Chinese).',
      security: [],
      request: {
        params: z.object({
          ws: z.string().openapi({ param: { name: 'ws', in: 'path' } }),
          drive: z.string().openapi({ param: { name: 'drive', in: 'path' } }),
        }),
        // Validated by the use-case so every field's error is reported at once, in Chinese.
        body: jsonBody(z.record(z.string(), z.unknown())),
      },
      responses: {
        201: jsonContent(z.object({ id: z.string(), status: z.string() }), 'Received'),
        ...errorResponses(400, 404, 409, 415, 429),
      },
    }),
    async (c) => {
      const key = [`apply:${clientOf(c)}`];
      const now = deps.clock.now().getTime();
      try {
        limiter.check(key, now);
      } catch (e) {
        const retry = (e as AppError).details as { retryAfterSeconds: number };
        throw new AppError('RATE_LIMITED', `提交过于频繁，请 ${retry.retryAfterSeconds} 秒后再试`, retry);
      }
      limiter.record(key, now);
      const { ws, drive } = c.req.valid('param');
      const found = await lookup(deps.store.db, ws, drive);
      const r = await submitApplication(
        deps.store.db,
        found.ws.id,
        found.drive.id,
        c.req.valid('json'),
        deps.clock.now(),
      );
      // The applicant learns it was received, not how it was scored.
      return c.json({ id: r.id, status: r.status }, 201);
    },
  );
};
