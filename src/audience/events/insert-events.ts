// Events are written in bulk (100k+ a second), idempotent on (workspace_id, event_id).
import { sql } from 'kysely';
import type { Db } from '../../platform/store/database.js';
import { dialectOf } from '../../platform/store/dialect-of.js';
import { insertRows } from '../../platform/store/insert-rows.js';

export interface EventInsert {
  eventId: string;
  contactId: number;
  type: string;
  at: number;
  sourceKind: string | null;
  sourceId: string | null;
  /** JSON text. */
  props: string;
}

const COLUMNS = [
  'workspace_id',
  'event_id',
  'contact_id',
  'type',
  'at',
  'source_kind',
  'source_id',
  'props',
  'received_at',
];

export interface InsertedEvents {
  /** In row order: each new row's seq, or 0 for a duplicate. */
  seqs: number[];
  /**
   * Every event with a seq above this one and up to the highest of `seqs` is one of these rows (a seq of
   * none is a skipped duplicate's); null when the store cannot tell (concurrent PostgreSQL writers).
   */
  priorSeq: number | null;
}

/**
 * Inserts the rows in one transaction (the caller's, or its own). On SQLite without RETURNING (a tenth of
 * the insert's cost): the one writer numbers new rows in statement order after the table's sequence, so
 * when all are new their seqs follow it, and otherwise the new ones are read back by seq.
 */
export async function insertEvents(
  db: Db,
  workspaceId: string,
  rows: readonly EventInsert[],
  receivedAt: string,
): Promise<InsertedEvents> {
  if (!db.isTransaction)
    return db.transaction().execute((trx) => insertEvents(trx, workspaceId, rows, receivedAt));
  const values = rows.map((r) => [
    workspaceId,
    r.eventId,
    r.contactId,
    r.type,
    r.at,
    r.sourceKind,
    r.sourceId,
    r.props,
    receivedAt,
  ]);
  const conflict = 'on conflict (workspace_id, event_id) do nothing';
  if (dialectOf(db) === 'postgres') {
    const { returned } = await insertRows<{ seq: string | number; event_id: string }>(
      db,
      'events',
      COLUMNS,
      values,
      { tail: `${conflict} returning seq, event_id` },
    );
    const seqs = seqsByEventId(rows, returned);
    const fresh = returned.map((r) => Number(r.seq));
    const lo = Math.min(...fresh);
    const contiguous = fresh.length > 0 && Math.max(...fresh) - lo + 1 === fresh.length;
    return { seqs, priorSeq: contiguous ? lo - 1 : null };
  }
  // AUTOINCREMENT: a new row's seq is one above the sequence's, which a skipped duplicate also advances.
  const prior = await sql<{ seq: number }>`select seq from sqlite_sequence where name = 'events'`.execute(db);
  const priorSeq = Number(prior.rows[0]?.seq ?? 0);
  const { inserted } = await insertRows(db, 'events', COLUMNS, values, { tail: conflict });
  if (inserted === rows.length) return { seqs: rows.map((_, i) => priorSeq + 1 + i), priorSeq };
  const fresh =
    inserted === 0
      ? []
      : await db.selectFrom('events').select(['seq', 'event_id']).where('seq', '>', priorSeq).execute();
  return { seqs: seqsByEventId(rows, fresh), priorSeq };
}

function seqsByEventId(
  rows: readonly EventInsert[],
  fresh: readonly { seq: string | number; event_id: string }[],
): number[] {
  const seqOf = new Map(fresh.map((r) => [r.event_id, Number(r.seq)]));
  return rows.map((r) => seqOf.get(r.eventId) ?? 0);
}
