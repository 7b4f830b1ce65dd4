// The workspace's channels across kinds (WeCom corps, WeCom staff, Wechaty and simulator robots) with
// each Wechaty robot's live login status from this process's runtime, and their groups with member counts.
import { createRoute, z } from '@hono/zod-openapi';
import type { RouteRegistrar } from '../platform/http/context.js';
import { accessOf, guard } from '../platform/http/guards.js';
import { errorResponses, jsonContent, PageQuery, WorkspaceParam } from '../platform/http/schemas.js';
import { listChannelAccounts } from './list-channel-accounts.js';
import { listChannelGroups } from './list-channel-groups.js';
import { wechatyRuntime } from './wechaty/wechaty-runtime.js';

const Connection = z
  .object({
    id: z.string(),
    corpId: z.string(),
    agentId: z.number().nullable(),
    apiBase: z.string(),
    callbackPath: z.string(),
    staff: z.number(),
    createdAt: z.string(),
  })
  .openapi('WecomConnection');
const Account = z
  .object({
    id: z.string(),
    kind: z.string(),
    name: z.string(),
    personal: z.boolean(),
    fans: z.number(),
    userid: z.string().nullable(),
    puppet: z.string().nullable(),
    hasToken: z.boolean(),
    /** Wechaty robots: logged_out | starting | scanning | logged_in | banned_suspicion. */
    status: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('ChannelAccount');
const Accounts = z
  .object({ wecom: z.array(Connection), accounts: z.array(Account) })
  .openapi('ChannelAccounts');

const Group = z
  .object({
    id: z.string(),
    name: z.string(),
    accountId: z.string(),
    accountName: z.string(),
    kind: z.string(),
    members: z.number(),
    createdAt: z.string(),
  })
  .openapi('ChannelGroup');
const Groups = z
  .object({ items: z.array(Group), nextCursor: z.string().nullable() })
  .openapi('ChannelGroups');

export const registerChannelRoutes: RouteRegistrar = (app, deps) => {
  app.openapi(
    createRoute({
      ...guard(deps, 'read'),
      method: 'get',
      path: '/api/v1/workspaces/{ws}/channels/accounts',
      tags: ['channels'],
      summary: "The workspace's WeCom corps and robot accounts of every kind, with Wechaty login status",
      request: { params: WorkspaceParam },
      responses: { 200: jsonContent(Accounts, 'Channels'), ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const r = await listChannelAccounts(deps.store.db, accessOf(c).workspace.id);
      const runtime = wechatyRuntime(deps);
      const accounts = r.accounts.map((a) => ({
        ...a,
        status: a.kind === 'wechaty' ? runtime.status(a.id).status : null,
      }));
      return c.json(Accounts.parse({ wecom: r.wecom, accounts }), 200);
    },
  );
  app.openapi(
    createRoute({
      ...guard(deps, 'read'),
      method: 'get',
      path: '/api/v1/workspaces/{ws}/channels/groups',
      tags: ['channels'],
      summary:
        "The workspace's groups (simulator groups, WeCom customer groups, Wechaty rooms) with member " +
        'counts, by name, optionally of one robot account',
      request: {
        params: WorkspaceParam,
        query: PageQuery.extend({
          account: z.string().optional().openapi({ description: 'only the groups of this robot account' }),
        }),
      },
      responses: { 200: jsonContent(Groups, 'Groups'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const r = await listChannelGroups(deps.store.db, accessOf(c).workspace.id, c.req.valid('query'));
      return c.json(Groups.parse(r), 200);
    },
  );
};
