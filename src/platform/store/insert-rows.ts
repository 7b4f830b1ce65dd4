// Multi-row INSERT written by hand for bulk writes (a million enrolled runs, their touches, 100k events/s):
// the query builder's per-value nodes cost more than the database itself. Chunks are full-sized so their
// text repeats and SQLite's statement cache (statement-cache.ts) prepares each shape once.
//
// On SQLite, a column whose value is the same in every row (the workspace, the flow, the step, the
// timestamps of an enrolment's touches...) is bound once per statement and read from a one-row subquery:
// binding is much of a bulk insert's cost (1M touches of 18 columns, 13 of them shared: 11.9 s -> 8.9 s).
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
  const width = columns.length;
  const values: unknown[] = new Array(rows.length * width);
  let p = 0;
  for (const r of rows) for (let c = 0; c < width; c++) values[p++] = r[c];
  return insertValues<R>(db, table, columns, values, opts);
}

/** `insertRows` of rows laid end to end in one array (row-major): no array per row on bulk paths. */
export async function insertValues<R = never>(
  db: Db,
  table: string,
  columns: readonly string[],
  values: readonly unknown[],
  opts: InsertRowsOptions = {},
): Promise<{ inserted: number; returned: R[] }> {
  const pg = dialectOf(db) === 'postgres';
  const width = columns.length;
  if (values.length % width !== 0)
    throw new Error(`insertValues: ${values.length} values do not make rows of ${width}`);
  const rowCount = values.length / width;
  const shared = pg ? null : sharedColumns(values, width, rowCount);
  const varying = shared ? shared.filter((s) => !s).length : width;
  const fixed = width - varying;
  const perChunk = Math.floor((MAX_PARAMS - fixed) / varying);
  const head = shared
    ? `insert into ${table} (${columns.join(', ')}) select ${selectList(shared)} from (select ${sharedList(fixed)}) s, (values `
    : `insert into ${table} (${columns.join(', ')}) values `;
  const tail = (shared ? ') v where true' : '') + (opts.tail ? ` ${opts.tail}` : '');
  let inserted = 0;
  const returned: R[] = [];
  for (let first = 0; first < rowCount; first += perChunk) {
    const n = Math.min(perChunk, rowCount - first);
    const params: unknown[] = new Array(fixed + n * varying);
    let p = 0;
    if (shared) {
      for (let c = 0; c < width; c++) if (shared[c]) params[p++] = values[c];
      for (let r = first; r < first + n; r++)
        for (let c = 0, at = r * width; c < width; c++, at++) if (!shared[c]) params[p++] = values[at];
    } else for (let i = first * width, end = (first + n) * width; i < end; i++) params[p++] = values[i];
    const text = head + valuesList(n, varying, pg, perChunk) + tail;
    const result = await db.executeQuery<R>(CompiledQuery.raw(text, params));
    // SQLite reports no count for a statement that returns rows: RETURNING gives one per inserted row.
    inserted += Number(result.numAffectedRows ?? result.rows.length);
    for (const r of result.rows) returned.push(r);
  }
  return { inserted, returned };
}

/** Which columns hold one value in every row; null when none do or there are too few rows to gain. */
function sharedColumns(values: readonly unknown[], width: number, rows: number): boolean[] | null {
  if (rows < 2) return null;
  const shared = new Array<boolean>(width);
  let any = false;
  for (let c = 0; c < width; c++) {
    const v = values[c];
    let same = true;
    for (let at = c + width; at < values.length; at += width)
      if (values[at] !== v) {
        same = false;
        break;
      }
    shared[c] = same;
    any ||= same;
  }
  // A row of nothing but shared values would leave VALUES empty: keep the first column per row.
  if (shared.every(Boolean)) shared[0] = false;
  return any ? shared : null;
}

function selectList(shared: readonly boolean[]): string {
  let s = 0;
  let v = 0;
  return shared.map((isShared) => (isShared ? `s.c${++s}` : `v.column${++v}`)).join(', ');
}

function sharedList(n: number): string {
  return Array.from({ length: n }, (_, i) => `? c${i + 1}`).join(', ');
}

const lists = new Map<string, string>();

function valuesList(n: number, width: number, pg: boolean, full: number): string {
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
  if (n === full || lists.size < 64) lists.set(key, text);
  return text;
}
