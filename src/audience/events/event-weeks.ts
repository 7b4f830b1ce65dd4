// A contact's events are found through the (week, contact_id, at) index (src/migrations/
// 0041_events_contact_week.ts): a reader names the weeks it wants and reads each contact's entries of each
// week, one index seek apiece. Without the weeks, a reader of one contact's events scans the table.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../platform/store/database.js';

export const WEEK_MS = 604_800_000;

/**
 * `week IN (...)` for the weeks overlapping the epoch-millisecond range [fromMs, toMs]. The expression is
 * written as the index has it (planners match it as written); integer division truncates in both stores.
 */
export function inEventWeeks(fromMs: number, toMs: number, table?: string): RawBuilder<boolean> {
  if (!(toMs >= fromMs)) return sql<boolean>`1 = 0`;
  const first = Math.trunc(fromMs / WEEK_MS);
  const last = Math.trunc(toMs / WEEK_MS);
  const weeks = Array.from({ length: last - first + 1 }, (_, i) => sql`${first + i}`);
  return sql<boolean>`(${sql.ref(table ? `${table}.at` : 'at')} / 604800000) IN (${sql.join(weeks)})`;
}

/** `week IN (...)` for every week from the store's first event to its last: a contact's whole history. */
export function inAllEventWeeks(db: Db, table?: string): Promise<RawBuilder<boolean>> {
  return inEventWeeksSince(db, null, table);
}

/** `week IN (...)` for the weeks from `fromMs` (null: the store's first event) to the store's last event. */
export async function inEventWeeksSince(
  db: Db,
  fromMs: number | null,
  table?: string,
): Promise<RawBuilder<boolean>> {
  // Index seeks to the first and the last entry, not an aggregate over the table.
  const r = await sql<{ lo: number | string | null; hi: number | string | null }>`select
    (select min(at / 604800000) from events) as lo, (select max(at / 604800000) from events) as hi`.execute(
    db,
  );
  const { lo, hi } = r.rows[0] ?? { lo: null, hi: null };
  if (lo === null || hi === null) return sql<boolean>`1 = 0`;
  const first = Math.max(Number(lo) * WEEK_MS, fromMs ?? -Infinity);
  return inEventWeeks(first, Number(hi) * WEEK_MS, table);
}
