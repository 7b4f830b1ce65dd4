// Reading a million ids as a million rows costs about a microsecond each (the SQLite driver builds an object
// per row, the query builder walks it); aggregated into one JSON array in the database they come back as a
// single value. Use it where a query returns ids by the hundred thousand, to fill a bitmap, say.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from './database.js';
import { dialectOf } from './dialect-of.js';

/** The aggregate that gathers an integer column of a group into one JSON array (see `parseIdList`). */
export function idListOf(db: Db, column: RawBuilder<unknown>): RawBuilder<unknown> {
  return dialectOf(db) === 'postgres' ? sql`json_agg(${column})` : sql`json_group_array(${column})`;
}

/** The ids of an `idListOf` value: text from SQLite, parsed JSON from PostgreSQL, null over no rows there. */
export function parseIdList(value: unknown): number[] {
  if (value === null || value === undefined) return [];
  return (typeof value === 'string' ? JSON.parse(value) : value) as number[];
}
