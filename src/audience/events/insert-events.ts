// Multi-row INSERT of events written by hand: at 100k+ events/s the query builder's per-value nodes
// cost more than the database itself. Idempotent on (workspace_id, event_id): RETURNING lists only the
// rows really inserted, so the rest are duplicates.
import { CompiledQuery } from 'kysely';
import type { Db } from '../../platform/store/database.js';
import { dialectOf } from '../../platform/store/dialect-of.js';

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

const COLUMNS = 'workspace_id, event_id, contact_id, type, at, source_kind, source_id, props, received_at';
const WIDTH = 9;
// 3600 × 9 parameters stays under SQLite's limit of 32766 per statement.
const CHUNK = 3600;

/** Inserts the rows; returns the event ids that were new. */
export async function insertEvents(
  trx: Db,
  workspaceId: string,
  rows: readonly EventInsert[],
  receivedAt: string,
): Promise<Set<string>> {
  const pg = dialectOf(trx) === 'postgres';
  const inserted = new Set<string>();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const params: unknown[] = new Array(chunk.length * WIDTH);
    let p = 0;
    for (const r of chunk) {
      params[p++] = workspaceId;
      params[p++] = r.eventId;
      params[p++] = r.contactId;
      params[p++] = r.type;
      params[p++] = r.at;
      params[p++] = r.sourceKind;
      params[p++] = r.sourceId;
      params[p++] = r.props;
      params[p++] = receivedAt;
    }
    const text =
      `insert into events (${COLUMNS}) values ${valuesList(chunk.length, pg)} ` +
      'on conflict (workspace_id, event_id) do nothing returning event_id';
    const result = await trx.executeQuery<{ event_id: string }>(CompiledQuery.raw(text, params));
    for (const r of result.rows) inserted.add(r.event_id);
  }
  return inserted;
}

const sqliteRow = `(${new Array(WIDTH).fill('?').join(',')})`;
const cache = new Map<string, string>();

function valuesList(n: number, pg: boolean): string {
  const key = `${pg ? 'p' : 's'}${n}`;
  let text = cache.get(key);
  if (text === undefined) {
    const parts = new Array<string>(n);
    for (let r = 0; r < n; r++) {
      if (!pg) parts[r] = sqliteRow;
      else {
        const base = r * WIDTH;
        parts[r] = `(${Array.from({ length: WIDTH }, (_, c) => `$${base + c + 1}`).join(',')})`;
      }
    }
    text = parts.join(',');
    // Only full chunks recur; caching every odd tail size would just grow the map.
    if (n === CHUNK) cache.set(key, text);
  }
  return text;
}
