// A workspace's channels in one list for the console: its WeCom corps (with the callback path to paste
// into WeCom's admin and how many staff members and customers Guimi knows) and its robot accounts of every
// kind (WeCom staff, Wechaty robots, simulator robots) with how many fans each reaches. Nothing secret:
// credentials and puppet tokens are only said to be set.
import { sql } from 'kysely';
import type { Db } from '../platform/store/database.js';
import { parseWechatySettings } from './wechaty/wechaty-settings.js';
import './channel-tables.js';
import './wecom/wecom-tables.js';

export interface WecomConnectionView {
  id: string;
  corpId: string;
  agentId: number | null;
  apiBase: string;
  callbackPath: string;
  staff: number;
  createdAt: string;
}

export interface ChannelAccountView {
  id: string;
  kind: string;
  name: string;
  personal: boolean;
  /** Fans the account reaches. */
  fans: number;
  /** WeCom: the staff member's userid. */
  userid: string | null;
  /** Wechaty: the puppet, and whether a token is set (never the token). */
  puppet: string | null;
  hasToken: boolean;
  createdAt: string;
}

export async function listChannelAccounts(
  db: Db,
  workspaceId: string,
): Promise<{ wecom: WecomConnectionView[]; accounts: ChannelAccountView[] }> {
  const connections = await db
    .selectFrom('wecom_connections as c')
    .select([
      'c.id',
      'c.corp_id',
      'c.agent_id',
      'c.api_base',
      'c.callback_path',
      'c.created_at',
      (eb) =>
        eb
          .selectFrom('wecom_staff')
          .select(sql<number>`count(*)`.as('n'))
          .whereRef('wecom_staff.connection_id', '=', 'c.id')
          .as('staff'),
    ])
    .where('c.workspace_id', '=', workspaceId)
    .orderBy('c.created_at')
    .execute();
  const accounts = await db
    .selectFrom('channel_accounts as a')
    .leftJoin('wecom_staff as s', 's.account_id', 'a.id')
    .select([
      'a.id',
      'a.kind',
      'a.name',
      'a.personal',
      'a.settings',
      'a.created_at',
      's.userid',
      (eb) =>
        eb
          .selectFrom('channel_contacts')
          .select(sql<number>`count(*)`.as('n'))
          .whereRef('channel_contacts.account_id', '=', 'a.id')
          .as('fans'),
    ])
    .where('a.workspace_id', '=', workspaceId)
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
  return {
    wecom: connections.map((c) => ({
      id: c.id,
      corpId: c.corp_id,
      agentId: c.agent_id,
      apiBase: c.api_base,
      callbackPath: c.callback_path,
      staff: Number(c.staff ?? 0),
      createdAt: c.created_at,
    })),
    accounts: accounts.map((a) => {
      const wechaty = a.kind === 'wechaty' ? parseWechatySettings(a.settings) : null;
      return {
        id: a.id,
        kind: a.kind,
        name: a.name,
        personal: a.personal === 1,
        fans: Number(a.fans ?? 0),
        userid: a.userid,
        puppet: wechaty?.puppet ?? null,
        hasToken: Boolean(wechaty?.sealedToken),
        createdAt: a.created_at,
      };
    }),
  };
}
