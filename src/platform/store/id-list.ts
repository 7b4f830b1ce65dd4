// Reading a million ids as a million rows costs about a microsecond each (the SQLite driver builds an object
// per row, the query builder walks it); aggregated into one JSON array in the database they come back as a
// single value. Use it where a query returns ids by the hundred thousand, to fill a bitmap, say, or where
// a rebuild reads whole tables page by page (rows as arrays in one JSON array).
import { sql, type RawBuilder } from 'kysely';
import type { Db } from './database.js';
import { dialectOf } from './dialect-of.js';
import { pgIntArray } from './pg-array.js';

/**
 * A query of one column listing `ids`, bound as ONE value: a list of 50,000 contacts costs neither a
 * 50,000-node query to compile nor a statement with 50,000 parameters.
 */
export function idRows(db: Db, ids: readonly number[]): RawBuilder<unknown> {
  return dialectOf(db) === 'postgres'
    ? sql`select unnest(${pgIntArray(ids)}::bigint[])`
    : sql`select value from json_each(${JSON.stringify(ids)})`;
}

/** `column IN ids`, the ids bound as one value (on PostgreSQL `= any(array)`, which its planner reads best). */
export function inIdList(db: Db, column: RawBuilder<unknown>, ids: readonly number[]): RawBuilder<boolean> {
  return dialectOf(db) === 'postgres'
    ? sql<boolean>`${column} = any(${pgIntArray(ids)}::bigint[])`
    : sql<boolean>`${column} in (${idRows(db, ids)})`;
}

/** The aggregate that gathers an integer column of a group into one JSON array (see `parseIdList`). */
export function idListOf(db: Db, column: RawBuilder<unknown>): RawBuilder<unknown> {
  return dialectOf(db) === 'postgres' ? sql`json_agg(${column})` : sql`json_group_array(${column})`;
}

/**
 * The aggregate that gathers a group's rows into one JSON array of arrays, one per row with `values` in
 * order (see `parseJsonList`); the rows come in no promised order (sorting them would cost SQLite a temporary
 * B-tree). Text columns holding JSON go in through `jsonColumn`.
 */
export function rowListOf(db: Db, values: readonly RawBuilder<unknown>[]): RawBuilder<unknown> {
  const row = sql.join(values);
  return dialectOf(db) === 'postgres'
    ? sql`json_agg(json_build_array(${row}))`
    : sql`json_group_array(json_array(${row}))`;
}

/** A text column that holds JSON, as JSON rather than as a string inside a row list. */
export function jsonColumn(db: Db, column: RawBuilder<unknown>): RawBuilder<unknown> {
  return dialectOf(db) === 'postgres' ? sql`${column}::json` : sql`json(${column})`;
}

/** The items of an `idListOf` or `rowListOf` value: text from SQLite, parsed JSON from PostgreSQL, null over no rows there. */
export function parseJsonList<T>(value: unknown): T[] {
  if (value === null || value === undefined) return [];
  return (typeof value === 'string' ? JSON.parse(value) : value) as T[];
}

/** The ids of an `idListOf` value. */
export function parseIdList(value: unknown): number[] {
  return parseJsonList<number>(value);
}
