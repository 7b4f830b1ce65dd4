// A workspace's WeCom connection as the code uses it: credentials opened from their sealed form, and one
// API client per connection and store (its token cache is shared through the connection row).
import { z } from 'zod';
import type { Clock } from '../../platform/clock.js';
import type { Config } from '../../platform/config.js';
import { AppError } from '../../platform/errors.js';
import type { Logger } from '../../platform/log.js';
import { secretBox, type SecretBox } from '../../platform/secrets.js';
import type { Store } from '../../platform/store/open-store.js';
import { WecomClient, type WecomClientOptions } from './wecom-client.js';
import type { WecomConnectionTable } from './wecom-tables.js';

/**
 * WeCom's mass-send rule variants (add_msg_template, developer.work.weixin.qq.com/document/path/92135):
 * "每位客户/每个客户群每月最多可接收条数为当月天数 … 可在企业微信-群发助手-设置群发规则中调整为每周接收七条
 * 或每天接收一条" (current: days in the month; or 7 a week; or 1 a day). Older corps still run the earlier
 * rule "同一个企业每个自然月内仅可针对一个客户/客户群发送4条消息" (month_4).
 */
export const MASS_RULES = ['month_days', 'week_7', 'day_1', 'month_4'] as const;

export const WecomSettings = z.strictObject({
  /** Sent with send_welcome_msg when a fan adds a staff member and no contact way gives its own. */
  welcomeText: z.string().min(1).max(2000).nullable().default(null),
  massRule: z.enum(MASS_RULES).default('month_days'),
});
export type WecomSettings = z.infer<typeof WecomSettings>;

export interface WecomConnection {
  id: string;
  workspaceId: string;
  corpId: string;
  agentId: number | null;
  apiBase: string;
  callbackPath: string;
  /** Opened credentials: internal only, never logged nor returned by the API. */
  secret: string;
  token: string;
  aesKey: string;
  settings: WecomSettings;
}

export interface WecomEnv {
  store: Store;
  clock: Clock;
  logger: Logger;
  config: Pick<Config, 'GUIMI_SECRET_KEY' | 'GUIMI_DATA_DIR'>;
}

/** Client tuning (tests shorten the backoff and the timeout). */
export const wecomClientTuning: Partial<WecomClientOptions> = {};

const clients = new WeakMap<Store, Map<string, WecomClient>>();

export function boxOf(env: WecomEnv): SecretBox {
  return secretBox(env.config, env.logger);
}

export function toConnection(box: SecretBox, row: WecomConnectionTable): WecomConnection {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    corpId: row.corp_id,
    agentId: row.agent_id,
    apiBase: row.api_base,
    callbackPath: row.callback_path,
    secret: box.open(row.secret),
    token: box.open(row.token),
    aesKey: box.open(row.aes_key),
    settings: WecomSettings.parse(JSON.parse(row.settings)),
  };
}

export async function loadConnection(env: WecomEnv, id: string): Promise<WecomConnection> {
  const row = await env.store.db
    .selectFrom('wecom_connections')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `WeCom connection ${id} not found`);
  return toConnection(boxOf(env), row);
}

export async function workspaceConnection(env: WecomEnv, workspaceId: string): Promise<WecomConnection> {
  const row = await env.store.db
    .selectFrom('wecom_connections')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at')
    .executeTakeFirst();
  if (!row)
    throw new AppError('NOT_FOUND', 'this workspace has no WeCom connection (guimi channels add wecom)');
  return toConnection(boxOf(env), row);
}

export function clientFor(env: WecomEnv, conn: WecomConnection): WecomClient {
  let byId = clients.get(env.store);
  if (!byId) clients.set(env.store, (byId = new Map()));
  let client = byId.get(conn.id);
  if (!client) {
    const box = boxOf(env);
    const { db } = env.store;
    client = new WecomClient({
      ...wecomClientTuning,
      apiBase: conn.apiBase,
      corpId: conn.corpId,
      secret: conn.secret,
      now: () => env.clock.now().getTime(),
      tokens: {
        load: async () => {
          const r = await db
            .selectFrom('wecom_connections')
            .select(['access_token', 'access_token_expires_at'])
            .where('id', '=', conn.id)
            .executeTakeFirst();
          if (!r?.access_token || !r.access_token_expires_at) return null;
          return { token: box.open(r.access_token), expiresAt: Date.parse(r.access_token_expires_at) };
        },
        save: async (t) => {
          await db
            .updateTable('wecom_connections')
            .set({
              access_token: box.seal(t.token),
              access_token_expires_at: new Date(t.expiresAt).toISOString(),
            })
            .where('id', '=', conn.id)
            .execute();
        },
      },
    });
    byId.set(conn.id, client);
  }
  return client;
}
