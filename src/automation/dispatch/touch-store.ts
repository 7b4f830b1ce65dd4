// Touch rows ↔ channel messages, and the bulk state writes the dispatcher makes (one statement per
// chunk: at thousands of touches a second, per-row updates would cost more than the sends).
import { sql } from 'kysely';
import type { OutboundTouch, RenderedContent, TouchKind } from '../../channels/channel.js';
import type { Db } from '../../platform/store/database.js';
import type { TouchState, TouchTable } from './dispatch-tables.js';

export function toOutbound(t: TouchTable): OutboundTouch {
  return {
    touchId: t.id,
    idempotencyKey: t.idempotency_key,
    workspaceId: t.workspace_id,
    kind: t.kind as TouchKind,
    accountId: t.account_id,
    contactId: t.contact_id === null ? null : Number(t.contact_id),
    groupId: t.group_id,
    content: JSON.parse(t.content) as RenderedContent,
  };
}

export interface TouchUpdate {
  id: string;
  state: TouchState;
  dueAt?: string;
  attempts?: number;
  channelRef?: string | null;
  lastError?: string | null;
  heldReason?: string | null;
  heldUntil?: string | null;
  sentAt?: string | null;
}

const CHUNK = 3000;

/**
 * Applies the updates to touches still in `fromState` (and, when given, still leased by `owner`): a
 * worker whose lease was taken over cannot overwrite the new owner's result. Returns the rows changed.
 */
export async function updateTouches(
  db: Db,
  updates: readonly TouchUpdate[],
  now: Date,
  guard: { fromState: TouchState | TouchState[]; owner?: string },
): Promise<number> {
  let changed = 0;
  const at = now.toISOString();
  const from = Array.isArray(guard.fromState) ? guard.fromState : [guard.fromState];
  for (let i = 0; i < updates.length; i += CHUNK) {
    const part = updates.slice(i, i + CHUNK);
    // Column 10 says which optional fields the row sets (a bit each), so one statement serves all rows.
    const values = sql.join(
      part.map((u) => {
        const mask =
          (u.dueAt !== undefined ? 1 : 0) |
          (u.attempts !== undefined ? 2 : 0) |
          (u.channelRef !== undefined ? 4 : 0) |
          (u.lastError !== undefined ? 8 : 0) |
          (u.heldReason !== undefined ? 16 : 0) |
          (u.sentAt !== undefined ? 32 : 0);
        return sql`(${u.id}, ${u.state}, ${u.dueAt ?? null}, ${u.attempts ?? 0}, ${u.channelRef ?? null}, ${u.lastError ?? null}, ${u.heldReason ?? null}, ${u.heldUntil ?? null}, ${u.sentAt ?? null}, ${mask})`;
      }),
    );
    const bit = (b: number) => sql.raw(`(cast(v.column10 as integer) & ${b}) <> 0`);
    const owner = guard.owner === undefined ? sql`` : sql`and touches.lease_owner = ${guard.owner}`;
    const r = await sql`update touches set
        state = v.column2,
        due_at = case when ${bit(1)} then v.column3 else touches.due_at end,
        attempts = case when ${bit(2)} then cast(v.column4 as integer) else touches.attempts end,
        channel_ref = case when ${bit(4)} then v.column5 else touches.channel_ref end,
        last_error = case when ${bit(8)} then v.column6 else touches.last_error end,
        held_reason = case when ${bit(16)} then v.column7 else touches.held_reason end,
        held_until = case when ${bit(16)} then v.column8 else touches.held_until end,
        sent_at = case when ${bit(32)} then v.column9 else touches.sent_at end,
        lease_until = null, lease_owner = null, updated_at = ${at}
      from (values ${values}) as v
      where touches.id = v.column1 and touches.state in (${sql.join(from)}) ${owner}`.execute(db);
    changed += Number(r.numAffectedRows ?? 0);
  }
  return changed;
}

/** Claims up to `limit` due touches for `owner` (planned/held/failed → sending, with a lease). */
export async function claimTouches(
  db: Db,
  pg: boolean,
  opts: { owner: string; now: Date; leaseMs: number; limit: number },
): Promise<TouchTable[]> {
  const now = opts.now.toISOString();
  const until = new Date(opts.now.getTime() + opts.leaseMs).toISOString();
  const lock = pg ? sql`for update skip locked` : sql``;
  const r = await sql<TouchTable>`update touches
      set state = 'sending', lease_until = ${until}, lease_owner = ${opts.owner}, updated_at = ${now}
      where id in (
        select id from touches where state in ('planned', 'held', 'failed') and due_at <= ${now}
        limit ${opts.limit} ${lock}
      )
      returning *`.execute(db);
  return r.rows;
}
