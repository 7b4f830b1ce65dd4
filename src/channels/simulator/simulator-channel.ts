// The simulator channel: virtual robot accounts whose sends land in `sim_messages`. Sends are group
// committed (every send of the same tick goes in one INSERT), so dispatching a batch costs one write.
// `lookup` proves whether a key was received: the log is in the same store and a send is durable once
// its INSERT commits, so `not_found` after the sender's lease ended means it never arrived.
import { sql } from 'kysely';
import type { Channel, LookupResult, OutboundTouch, SendResult } from '../channel.js';
import type { ChannelDeps } from '../registry.js';
import { parseSimSettings, type SimSettings } from './sim-settings.js';
import { reactToSends } from './react-to-sends.js';
import { seededRandom } from './fan-behaviour.js';
import '../channel-tables.js';

interface Pending {
  touch: OutboundTouch;
  resolve: (r: SendResult) => void;
  reject: (e: unknown) => void;
}

export interface SimAccount {
  id: string;
  workspaceId: string;
  timezone: string;
  settings: SimSettings;
  random: () => number;
}

const CHUNK = 3000;

export class SimulatorChannel implements Channel {
  readonly kind = 'simulator';
  readonly mode = 'direct';
  private buffer: Pending[] = [];
  private readonly accounts = new Map<string, SimAccount>();
  private readonly reacting = new Set<Promise<void>>();

  constructor(private readonly deps: ChannelDeps) {}

  send(touch: OutboundTouch): Promise<SendResult> {
    return new Promise((resolve, reject) => {
      if (this.buffer.length === 0) setImmediate(() => void this.flush());
      this.buffer.push({ touch, resolve, reject });
    });
  }

  async lookup(touch: OutboundTouch): Promise<LookupResult> {
    const row = await this.deps.store.db
      .selectFrom('sim_messages')
      .select('seq')
      .where('idempotency_key', '=', touch.idempotencyKey)
      .where('direction', '=', 'out')
      .orderBy('seq')
      .executeTakeFirst();
    return row ? { status: 'sent', channelRef: `sim:${row.seq}` } : { status: 'not_found' };
  }

  /** Waits until the fans have reacted to everything sent so far (tests, benchmarks, shutdown). */
  async settle(): Promise<void> {
    while (this.reacting.size > 0) await Promise.all(this.reacting);
  }

  async account(id: string): Promise<SimAccount | null> {
    let a = this.accounts.get(id);
    if (!a) {
      const row = await this.deps.store.db
        .selectFrom('channel_accounts')
        .innerJoin('workspaces', 'workspaces.id', 'channel_accounts.workspace_id')
        .select(['channel_accounts.id', 'workspace_id', 'settings', 'workspaces.timezone'])
        .where('channel_accounts.id', '=', id)
        .where('kind', '=', 'simulator')
        .executeTakeFirst();
      if (!row) return null;
      const settings = parseSimSettings(row.settings);
      a = {
        id,
        workspaceId: row.workspace_id,
        timezone: row.timezone,
        settings,
        random: seededRandom(settings.seed),
      };
      this.accounts.set(id, a);
    }
    return a;
  }

  private async flush(): Promise<void> {
    const batch = this.buffer;
    this.buffer = [];
    try {
      const results = await this.write(batch.map((p) => p.touch));
      batch.forEach((p, i) => p.resolve(results[i]!));
    } catch (e) {
      for (const p of batch) p.reject(e);
    }
  }

  private async write(touches: OutboundTouch[]): Promise<SendResult[]> {
    const { db } = this.deps.store;
    const now = this.deps.clock.now();
    const results: (SendResult | null)[] = touches.map(() => null);
    const reachable = await this.reachable(touches);
    const accepted: number[] = [];
    for (let i = 0; i < touches.length; i++) {
      const t = touches[i]!;
      const account = await this.account(t.accountId);
      if (!account)
        results[i] = { status: 'failed', permanent: true, error: `no simulator account ${t.accountId}` };
      else if (!reachable[i]) {
        const who = t.groupId ? `group ${t.groupId}` : `contact ${t.contactId}`;
        results[i] = {
          status: 'failed',
          permanent: true,
          error: `${who} is not reachable from account ${t.accountId}`,
        };
      } else if (account.random() < account.settings.failureRate) {
        results[i] = {
          status: 'failed',
          permanent: false,
          error: 'simulated network error',
          retryAfterMs: 1000,
        };
      } else accepted.push(i);
    }
    const at = now.toISOString();
    for (let c = 0; c < accepted.length; c += CHUNK) {
      const part = accepted.slice(c, c + CHUNK);
      const values = sql.join(
        part.map((i) => {
          const t = touches[i]!;
          return sql`(${t.workspaceId}, ${t.accountId}, 'out', ${t.kind}, ${t.idempotencyKey}, ${t.touchId}, ${t.contactId}, ${t.groupId}, ${t.content.text}, ${at})`;
        }),
      );
      const rows = await sql<{ seq: number }>`insert into sim_messages
        (workspace_id, account_id, direction, kind, idempotency_key, touch_id, contact_id, group_id, text, at)
        values ${values} returning seq`.execute(db);
      part.forEach((i, j) => (results[i] = { status: 'sent', channelRef: `sim:${rows.rows[j]!.seq}` }));
    }
    if (accepted.length > 0) {
      const sent = accepted.map((i) => touches[i]!);
      const p = reactToSends(this.deps, this, sent, now)
        .catch((err: unknown) => this.deps.logger.error({ err }, 'simulated fans failed to react'))
        .finally(() => this.reacting.delete(p));
      this.reacting.add(p);
    }
    return results as SendResult[];
  }

  /** Direct touches need a friend of the account; group touches a group of the account. */
  private async reachable(touches: OutboundTouch[]): Promise<boolean[]> {
    const { db } = this.deps.store;
    const friends = new Set<string>();
    const groups = new Set<string>();
    const direct = touches.filter((t) => t.kind !== 'moment' && t.groupId === null && t.contactId !== null);
    for (let c = 0; c < direct.length; c += CHUNK) {
      const part = direct.slice(c, c + CHUNK);
      const rows = await db
        .selectFrom('channel_contacts')
        .select(['account_id', 'contact_id'])
        .where('account_id', 'in', [...new Set(part.map((t) => t.accountId))])
        .where(
          'contact_id',
          'in',
          part.map((t) => t.contactId!),
        )
        .execute();
      for (const r of rows) friends.add(`${r.account_id}:${r.contact_id}`);
    }
    const groupIds = [...new Set(touches.flatMap((t) => (t.groupId ? [t.groupId] : [])))];
    if (groupIds.length > 0) {
      const rows = await db
        .selectFrom('channel_groups')
        .select(['id', 'account_id'])
        .where('id', 'in', groupIds)
        .execute();
      for (const r of rows) groups.add(`${r.account_id}:${r.id}`);
    }
    return touches.map((t) => {
      if (t.kind === 'moment') return true;
      if (t.groupId) return groups.has(`${t.accountId}:${t.groupId}`);
      return t.contactId !== null && friends.has(`${t.accountId}:${t.contactId}`);
    });
  }
}
