// Multi-row INSERT written by hand for bulk writes (a million enrolled runs, their touches, 100k events/s):
// the query builder's per-value nodes cost more than the database itself. Chunks are full-sized so their
// text repeats and SQLite's statement cache (statement-cache.ts) prepares each shape once.
import { CompiledQuery } from 'kysely';
import type { Db } from './database.js';
import { dialectOf } from './dialect-of.js';

// SQLite binds at most 32766 parameters per statement (PostgreSQL 65535).
const MAX_PARAMS = 32_000;

export interface InsertRowsOptions {
  /** Appended after VALUES, e.g. `on conflict (key) do nothing returning id`. */
  tail?: string;
}

/**
 * Inserts `rows` (each an array of values in `columns` order) and returns the rows RETURNING gave back,
 * with the count of rows the database reports as inserted.
 */
export async function insertRows<R = never>(
  db: Db,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  opts: InsertRowsOptions = {},
): Promise<{ inserted: number; returned: R[] }> {
  const pg = dialectOf(db) === 'postgres';
  const width = columns.length;
  const chunk = Math.floor(MAX_PARAMS / width);
  const head = `insert into ${table} (${columns.join(', ')}) values `;
  const tail = opts.tail ? ` ${opts.tail}` : '';
  let inserted = 0;
  const returned: R[] = [];
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const params: unknown[] = new Array(part.length * width);
    let p = 0;
    for (const r of part) for (let c = 0; c < width; c++) params[p++] = r[c];
    const text = head + valuesList(part.length, width, pg) + tail;
    const result = await db.executeQuery<R>(CompiledQuery.raw(text, params));
    inserted += Number(result.numAffectedRows ?? 0);
    for (const r of result.rows) returned.push(r);
  }
  return { inserted, returned };
}

const lists = new Map<string, string>();

function valuesList(n: number, width: number, pg: boolean): string {
  const key = `${pg ? 'p' : 's'}${n}x${width}`;
  let text = lists.get(key);
  if (text !== undefined) return text;
  const parts = new Array<string>(n);
  const sqliteRow = `(${new Array(width).fill('?').join(',')})`;
  for (let r = 0; r < n; r++) {
    if (!pg) parts[r] = sqliteRow;
    else {
      const base = r * width;
      parts[r] = `(${Array.from({ length: width }, (_, c) => `$${base + c + 1}`).join(',')})`;
    }
  }
  text = parts.join(',');
  // Full chunks recur; a handful of odd tail sizes is all else that is kept.
  if (n === Math.floor(MAX_PARAMS / width) || lists.size < 64) lists.set(key, text);
  return text;
}
