// The HTTP application: request ids, logs, size limits, content types, authentication, CSRF, errors
// from the one code table, /healthz and /openapi.json. Domains add their routes afterwards.
import { randomUUID } from 'node:crypto';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import { HTTPException } from 'hono/http-exception';
import { sql } from 'kysely';
import { principalFromSession, principalFromToken } from '../auth/authenticate.js';
import { AppError, errorBody, isAppError } from '../errors.js';
import { translateStoreError } from '../store/open-store.js';
import type { AppDeps, AppEnv, GuimiApp, GuimiContext } from './context.js';
import { jsonContent } from './schemas.js';

export const SESSION_COOKIE = 'guimi_session';
const UPLOAD_TYPES = new Set([
  'text/csv',
  'application/x-ndjson',
  'application/jsonl',
  'multipart/form-data',
]);
const mediaType = (c: GuimiContext) =>
  (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
const isJson = (type: string) => /^application\/([\w.-]+\+)?json$/.test(type);

export function createHttpApp(deps: AppDeps): GuimiApp {
  const app: GuimiApp = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      if (result.target === 'json' && !isJson(mediaType(c))) {
        throw new AppError(
          'UNSUPPORTED_MEDIA_TYPE',
          'this endpoint takes a JSON body (Content-Type: application/json)',
        );
      }
      const issues = result.error.issues.map((i) => ({
        path: [result.target, ...i.path].join('.'),
        message: i.message,
      }));
      const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
      throw new AppError('VALIDATION', `invalid ${result.target}: ${summary}`, { issues });
    },
  });

  app.use('*', async (c, next) => {
    const requestId = c.req.header('x-request-id')?.slice(0, 64) || randomUUID();
    c.set('requestId', requestId);
    c.set('log', deps.logger.child({ requestId }));
    c.set('principal', null);
    const started = performance.now();
    await next();
    c.header('x-request-id', requestId);
    if (c.req.path.startsWith('/api/') || c.res.status >= 500) {
      c.get('log').info(
        {
          method: c.req.method,
          path: c.req.path,
          status: c.res.status,
          ms: Math.round(performance.now() - started),
        },
        'request',
      );
    }
  });

  app.use('/api/*', async (c, next) => {
    const type = mediaType(c);
    const declared = c.req.header('content-length');
    // Node gives every request a body stream; only a length, chunking or a content type means one was sent.
    const hasBody = declared
      ? declared !== '0'
      : Boolean(c.req.header('transfer-encoding')) || (c.req.raw.body !== null && type !== '');
    if (!hasBody) return next();
    if (!isJson(type) && !UPLOAD_TYPES.has(type)) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', `unsupported Content-Type "${type || '(none)'}"`, {
        accepted: ['application/json', ...UPLOAD_TYPES],
      });
    }
    const maxSize = isJson(type) ? deps.config.GUIMI_MAX_BODY_BYTES : deps.config.GUIMI_MAX_UPLOAD_BYTES;
    // bodyLimit also counts chunked bodies as they stream in.
    return bodyLimit({
      maxSize,
      onError: () => {
        throw tooLarge(maxSize);
      },
    })(c, next);
  });

  app.use('/api/*', async (c, next) => {
    const now = deps.clock.now();
    const auth = c.req.header('authorization');
    if (auth) {
      const m = /^Bearer\s+(\S+)$/i.exec(auth);
      const principal = m ? await principalFromToken(deps.store.db, m[1]!, now) : null;
      if (!principal) throw new AppError('UNAUTHENTICATED', 'invalid or revoked API token');
      c.set('principal', principal);
    } else {
      const sessionId = getCookie(c, SESSION_COOKIE);
      const principal = sessionId ? await principalFromSession(deps.store.db, sessionId, now) : null;
      if (principal?.kind === 'user' && !['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) {
        // Cookies ride along on cross-site requests; the CSRF token does not.
        if (c.req.header('x-csrf-token') !== principal.csrfToken) {
          throw new AppError(
            'CSRF',
            'missing or wrong X-CSRF-Token header for a cookie-authenticated change',
          );
        }
      }
      c.set('principal', principal);
    }
    await next();
  });

  app.onError((err, c) => {
    const e = toAppError(err);
    if (e.code === 'INTERNAL' || e.status >= 500) {
      c.get('log')?.error({ err }, 'request failed');
    }
    if (e.code === 'RATE_LIMITED') {
      const retry = (e.details as { retryAfterSeconds?: number } | null)?.retryAfterSeconds;
      if (retry) c.header('retry-after', String(retry));
    }
    const body =
      e.code === 'INTERNAL'
        ? errorBody(new AppError('INTERNAL', `internal error (request ${c.get('requestId')})`))
        : errorBody(e);
    return c.json(body, e.status as 400);
  });

  app.notFound((c) =>
    c.json(errorBody(new AppError('NOT_FOUND', `no route for ${c.req.method} ${c.req.path}`)), 404),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/healthz',
      tags: ['operations'],
      summary: 'Liveness and store reachability',
      responses: {
        200: jsonContent(z.object({ status: z.literal('ok') }), 'The server and its store answer'),
        503: jsonContent(
          z.object({ status: z.literal('unavailable'), reason: z.string() }),
          'The store does not answer',
        ),
      },
    }),
    async (c) => {
      try {
        await sql`select 1`.execute(deps.store.db);
        return c.json({ status: 'ok' as const }, 200);
      } catch (e) {
        const reason = isAppError(translateStoreError(e, deps.store.location))
          ? 'store unreachable'
          : 'store error';
        return c.json({ status: 'unavailable' as const, reason }, 503);
      }
    },
  );

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'API token (guimi token create), scoped to one workspace and role',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'Console session; changes also need the X-CSRF-Token header',
  });
  return app;
}

export function publishOpenApi(app: GuimiApp): void {
  app.doc('/openapi.json', {
    openapi: '3.0.3',
    info: { title: 'Guimi API', version: '1', description: 'Private-domain KOC operations platform' },
    security: [{ bearer: [] }, { session: [] }],
  });
}

function tooLarge(limit: number): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', `request body exceeds ${limit} bytes`, { limitBytes: limit });
}

function toAppError(err: unknown): AppError {
  if (isAppError(err)) return err;
  if (err instanceof HTTPException) {
    if (err.status === 400 && /JSON/i.test(err.message))
      return new AppError('BAD_JSON', 'malformed JSON in request body');
    if (err.status === 415) {
      return new AppError(
        'UNSUPPORTED_MEDIA_TYPE',
        'this endpoint takes a JSON body (Content-Type: application/json)',
      );
    }
    if (err.status === 413) return new AppError('PAYLOAD_TOO_LARGE', err.message);
    if (err.status === 400) return new AppError('BAD_REQUEST', err.message);
  }
  const translated = translateStoreError(err, 'the store');
  if (isAppError(translated)) return translated;
  return new AppError('INTERNAL', 'internal error');
}
