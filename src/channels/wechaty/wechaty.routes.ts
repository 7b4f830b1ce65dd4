// Wechaty robots over HTTP: create an account, start / stop its bot in the server process, its status
// and its login QR (PNG or SVG) while it waits for a scan.
import { createRoute, z } from '@hono/zod-openapi';
import QRCode from 'qrcode';
import { actorOf } from '../../platform/auth/principal.js';
import { AppError } from '../../platform/errors.js';
import type { RouteRegistrar } from '../../platform/http/context.js';
import { accessOf, guard } from '../../platform/http/guards.js';
import { errorResponses, jsonBody, jsonContent, WorkspaceParam } from '../../platform/http/schemas.js';
import type { Db } from '../../platform/store/database.js';
import { createWechatyAccount, WechatyAccountInput } from './create-wechaty-account.js';
import { FriendAccept } from './wechaty-settings.js';
import { wechatyRuntime } from './wechaty-runtime.js';
import './wechaty-channel.js';

const Account = z
  .object({
    id: z.string(),
    name: z.string(),
    puppet: z.string(),
    hasToken: z.boolean(),
    friendAccept: FriendAccept,
    createdAt: z.string(),
  })
  .openapi('WechatyAccount');
const Status = z
  .object({
    accountId: z.string(),
    status: z.enum(['logged_out', 'starting', 'scanning', 'logged_in', 'banned_suspicion']),
    running: z.boolean(),
    qr: z.string().nullable(),
    error: z.string().nullable(),
  })
  .openapi('WechatyStatus');
const Params = WorkspaceParam.extend({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });

async function requireAccount(db: Db, workspaceId: string, id: string): Promise<void> {
  const row = await db
    .selectFrom('channel_accounts')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('kind', '=', 'wechaty')
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `Wechaty account ${id} not found`, { id });
}

export const registerWechatyRoutes: RouteRegistrar = (app, deps) => {
  const base = '/api/v1/workspaces/{ws}/channels/wechaty';
  const tags = ['wechaty'];
  const runtime = () => wechatyRuntime(deps);
  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      method: 'post',
      path: base,
      tags,
      summary: 'Create a Wechaty (personal WeChat) robot account',
      request: { params: WorkspaceParam, body: jsonBody(WechatyAccountInput) },
      responses: { 201: jsonContent(Account, 'Created'), ...errorResponses(400, 401, 403, 404, 415) },
    }),
    async (c) => {
      const access = accessOf(c);
      const a = await createWechatyAccount(deps.store.db, access.workspace.id, c.req.valid('json'), {
        actor: actorOf(access.principal),
        now: deps.clock.now(),
        config: deps.config,
      });
      return c.json(Account.parse(a), 201);
    },
  );
  for (const action of ['status', 'start', 'stop'] as const)
    app.openapi(
      createRoute({
        ...guard(deps, action === 'status' ? 'read' : 'write'),
        method: action === 'status' ? 'get' : 'post',
        path: `${base}/{id}/${action}`,
        tags,
        summary:
          action === 'status'
            ? "The bot's login status"
            : `${action[0]!.toUpperCase()}${action.slice(1)} the bot in the server process`,
        request: { params: Params },
        responses: { 200: jsonContent(Status, 'Status'), ...errorResponses(401, 403, 404) },
      }),
      async (c) => {
        const id = c.req.valid('param').id;
        await requireAccount(deps.store.db, accessOf(c).workspace.id, id);
        const r = runtime();
        const s =
          action === 'start' ? await r.start(id) : action === 'stop' ? await r.stop(id) : r.status(id);
        return c.json(Status.parse(s), 200);
      },
    );
  app.openapi(
    createRoute({
      ...guard(deps, 'read'),
      method: 'get',
      path: `${base}/{id}/qr`,
      tags,
      summary: 'The login QR code to scan with WeChat (while the status is scanning)',
      request: { params: Params, query: z.object({ format: z.enum(['png', 'svg']).default('png') }) },
      responses: {
        200: {
          description: 'The QR image',
          content: {
            'image/png': { schema: z.string().openapi({ format: 'binary' }) },
            'image/svg+xml': { schema: z.string() },
          },
        },
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      await requireAccount(deps.store.db, accessOf(c).workspace.id, id);
      const qr = runtime().status(id).qr;
      if (!qr)
        throw new AppError('NOT_FOUND', 'no login QR: start the bot, or it is already logged in', { id });
      const headers = { 'cache-control': 'no-store' };
      if (c.req.valid('query').format === 'svg')
        return new Response(await QRCode.toString(qr, { type: 'svg', margin: 2 }), {
          status: 200,
          headers: { ...headers, 'content-type': 'image/svg+xml' },
        });
      const png = await QRCode.toBuffer(qr, { type: 'png', margin: 2, width: 400 });
      return new Response(new Uint8Array(png), {
        status: 200,
        headers: { ...headers, 'content-type': 'image/png' },
      });
    },
  );
};
