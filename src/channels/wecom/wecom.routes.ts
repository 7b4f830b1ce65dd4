// WeCom over HTTP: connecting a corp and checking its credentials (owner only; nothing secret is echoed),
// and the public callback
// endpoint WeCom calls (no login: the msg_signature, the 5-minute timestamp window, the nonce and the
// corp id inside the ciphertext authenticate it).
import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { actorOf } from '../../platform/auth/principal.js';
import { AppError } from '../../platform/errors.js';
import type { RouteRegistrar } from '../../platform/http/context.js';
import { accessOf, guard } from '../../platform/http/guards.js';
import { errorResponses, jsonBody, jsonContent, WorkspaceParam } from '../../platform/http/schemas.js';
import { AddWecomInput, addWecomChannel, CALLBACK_PREFIX } from './add-wecom-channel.js';
import { checkWecomChannel } from './check-wecom-channel.js';
import { receiveWecomEvent, verifyWecomUrl } from './receive-callback.js';
import type { WecomEnv } from './wecom-connection.js';
import './wecom-jobs.js';

const Added = z.object({ id: z.string(), callbackPath: z.string() }).openapi('WecomChannelAdded');
const Check = z
  .object({
    ok: z.boolean(),
    checks: z.array(z.object({ check: z.string(), ok: z.boolean(), detail: z.string() })),
  })
  .openapi('WecomCheck');
const CallbackParams = z.object({ key: z.string().openapi({ param: { name: 'key', in: 'path' } }) });
const CallbackQuery = z.object({
  msg_signature: z.string().optional(),
  timestamp: z.string().optional(),
  nonce: z.string().optional(),
  echostr: z.string().optional(),
});
const MAX_CALLBACK_BYTES = 64 * 1024;

export const registerWecomRoutes: RouteRegistrar = (app, deps) => {
  const env: WecomEnv = deps;

  app.openapi(
    createRoute({
      ...guard(deps, 'manage'),
      method: 'post',
      path: '/api/v1/workspaces/{ws}/channels/wecom',
      tags: ['channels'],
      summary: 'Connect a WeCom corp (credentials are stored encrypted and never returned)',
      request: { params: WorkspaceParam, body: jsonBody(AddWecomInput) },
      responses: { 201: jsonContent(Added, 'Connected'), ...errorResponses(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const access = accessOf(c);
      const r = await addWecomChannel(env, access.workspace.id, c.req.valid('json'), {
        actor: actorOf(access.principal),
      });
      return c.json(Added.parse(r), 201);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'manage'),
      method: 'post',
      path: '/api/v1/workspaces/{ws}/channels/wecom/check',
      tags: ['channels'],
      summary: "Verify the workspace's WeCom credentials against WeCom and say what works",
      request: { params: WorkspaceParam },
      responses: { 200: jsonContent(Check, 'What works'), ...errorResponses(401, 403, 404) },
    }),
    async (c) => c.json(Check.parse(await checkWecomChannel(env, accessOf(c).workspace.id)), 200),
  );

  app.use(
    `${CALLBACK_PREFIX}*`,
    bodyLimit({
      maxSize: MAX_CALLBACK_BYTES,
      onError: () => {
        throw new AppError('PAYLOAD_TOO_LARGE', 'callback body too large');
      },
    }),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: `${CALLBACK_PREFIX}{key}`,
      tags: ['channels'],
      summary: 'WeCom callback URL verification (public; signed by WeCom)',
      request: { params: CallbackParams, query: CallbackQuery },
      responses: {
        200: { description: 'The decrypted echostr', content: { 'text/plain': { schema: z.string() } } },
        ...errorResponses(400, 401, 404),
      },
    }),
    async (c) => c.text(await verifyWecomUrl(env, c.req.path, c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${CALLBACK_PREFIX}{key}`,
      tags: ['channels'],
      summary: 'WeCom callback events (public; signed and encrypted by WeCom, stored before the answer)',
      request: { params: CallbackParams, query: CallbackQuery },
      responses: {
        200: { description: 'Stored', content: { 'text/plain': { schema: z.string() } } },
        ...errorResponses(400, 401, 404, 413),
      },
    }),
    async (c) => {
      await receiveWecomEvent(env, c.req.path, c.req.valid('query'), await c.req.text());
      return c.text('success', 200);
    },
  );
};
