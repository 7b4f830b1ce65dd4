// The WeCom channel (assisted: mass sends wait for staff to confirm them in WeCom). Sends go through
// sendWecomTouch; lookup answers from the wecom_sends record (no record = the call never started; a
// record still 'calling' = WeCom may or may not have it: 'unknown'); confirmation asks WeCom for the
// result of the mass send (get_groupmsg_send_result) or moment (get_moment_task_result,
// get_moment_task), and reminds staff once (remind_groupmsg_send) when a mass send waits over an hour.
import { loadConfig } from '../../platform/config.js';
import type { Channel, LookupResult, OutboundTouch, SendResult } from '../channel.js';
import type { ChannelDeps } from '../registry.js';
import { clientFor, loadConnection, type WecomConnection, type WecomEnv } from './wecom-connection.js';
import { sendWecomTouch } from './send-wecom-touch.js';
import { staffOf } from './wecom-staff.js';

type Confirmation = { status: 'awaiting_confirmation' | 'sent' | 'failed'; error?: string };
const REMIND_AFTER_MS = 3_600_000;

export class WecomChannel implements Channel {
  readonly kind = 'wecom';
  readonly mode = 'assisted';
  private readonly env: WecomEnv;

  constructor(deps: ChannelDeps) {
    this.env = { ...deps, config: deps.config ?? loadConfig(process.env) };
  }

  private async sender(
    accountId: string,
  ): Promise<{ conn: WecomConnection; userid: string; timezone: string } | null> {
    const staff = await staffOf(this.env.store.db, accountId);
    if (!staff) return null;
    const conn = await loadConnection(this.env, staff.connectionId);
    const ws = await this.env.store.db
      .selectFrom('workspaces')
      .select('timezone')
      .where('id', '=', conn.workspaceId)
      .executeTakeFirst();
    return { conn, userid: staff.userid, timezone: ws?.timezone ?? 'Asia/Shanghai' };
  }

  async send(touch: OutboundTouch): Promise<SendResult> {
    const s = await this.sender(touch.accountId);
    if (!s)
      return {
        status: 'failed',
        permanent: true,
        error: `account ${touch.accountId} is not a WeCom staff member`,
      };
    return sendWecomTouch(this.env, s.conn, s.userid, s.timezone, touch);
  }

  async lookup(touch: OutboundTouch): Promise<LookupResult> {
    const row = await this.record(touch);
    if (!row || row.state === 'rejected') return { status: 'not_found' };
    if (row.state === 'calling') return { status: 'unknown' };
    if (row.kind === 'welcome') return { status: 'sent', channelRef: `welcome:${touch.touchId}` };
    return { status: 'awaiting_confirmation', channelRef: row.handle ?? '' };
  }

  async confirmation(touch: OutboundTouch & { channelRef: string }): Promise<Confirmation> {
    const row = await this.record(touch);
    const s = await this.sender(touch.accountId);
    if (!row?.handle || !s) return { status: 'failed', error: 'no WeCom send on record for this touch' };
    const client = clientFor(this.env, s.conn);
    if (row.kind === 'moment') return this.momentResult(client, row.idempotency_key, row.handle, row.sender);
    let cursor = '';
    do {
      const r = await client.post<{
        detail_list?: { external_userid?: string; chat_id?: string; status: number }[];
        next_cursor?: string;
      }>('/cgi-bin/externalcontact/get_groupmsg_send_result', {
        msgid: row.handle,
        userid: row.sender,
        limit: 1000,
        cursor,
      });
      const mine = (r.detail_list ?? []).find(
        (d) => (row.kind === 'group' ? d.chat_id : d.external_userid) === row.target,
      );
      // status: 0 not sent yet, 1 sent, 2 not a friend (any more), 3 already got another mass message today.
      if (mine?.status === 1) return { status: 'sent' };
      if (mine?.status === 2)
        return { status: 'failed', error: 'the customer is no longer a friend of the sender' };
      if (mine?.status === 3)
        return { status: 'failed', error: 'the customer already received a mass message in this window' };
      cursor = mine ? '' : (r.next_cursor ?? '');
    } while (cursor);
    const now = this.env.clock.now();
    if (!row.reminded_at && now.getTime() - Date.parse(row.created_at) >= REMIND_AFTER_MS) {
      await client.post(
        '/cgi-bin/externalcontact/remind_groupmsg_send',
        { msgid: row.handle },
        { write: true },
      );
      await this.env.store.db
        .updateTable('wecom_sends')
        .set({ reminded_at: now.toISOString() })
        .where('idempotency_key', '=', row.idempotency_key)
        .execute();
    }
    return { status: 'awaiting_confirmation' };
  }

  private async momentResult(
    client: ReturnType<typeof clientFor>,
    key: string,
    handle: string,
    userid: string,
  ): Promise<Confirmation> {
    let momentId = handle.startsWith('moment:') ? handle.slice(7) : null;
    if (!momentId) {
      const r = await client.get<{ status: number; result?: { errcode?: number; moment_id?: string } }>(
        '/cgi-bin/externalcontact/get_moment_task_result',
        { jobid: handle.replace(/^job:/, '') },
      );
      // status 1 started, 2 creating, 3 created (result.errcode says whether it worked).
      if (r.status !== 3) return { status: 'awaiting_confirmation' };
      if (r.result?.errcode || !r.result?.moment_id)
        return { status: 'failed', error: `moment task failed: errcode ${r.result?.errcode}` };
      momentId = r.result.moment_id;
      await this.env.store.db
        .updateTable('wecom_sends')
        .set({ handle: `moment:${momentId}` })
        .where('idempotency_key', '=', key)
        .execute();
    }
    const t = await client.post<{ task_list?: { userid: string; publish_status: number }[] }>(
      '/cgi-bin/externalcontact/get_moment_task',
      {
        moment_id: momentId,
        limit: 1000,
      },
    );
    const mine = (t.task_list ?? []).find((x) => x.userid === userid);
    return mine?.publish_status === 1 ? { status: 'sent' } : { status: 'awaiting_confirmation' };
  }

  private record(touch: OutboundTouch) {
    return this.env.store.db
      .selectFrom('wecom_sends')
      .selectAll()
      .where('idempotency_key', '=', touch.idempotencyKey)
      .executeTakeFirst();
  }
}
