// What the segment index reads from the store besides a rebuild's pages (rebuild-pages.ts): tag names,
// tiers, and the few rows a catch-up needs. Reads only; every query is bounded by a page size or an id list.
import { sql } from 'kysely';
import type { Db } from '../../platform/store/database.js';
import type { ContactFields } from '../segments/segment-index.js';
import type { SeqRange } from './seq-cursor.js';
import '../audience-tables.js';

export const CONTACT_COLUMNS = [
  'id',
  'name',
  'phone',
  'gender',
  'city',
  'birth_year',
  'source',
  'created_at',
  'attrs',
  'erased_at',
  'merged_into',
] as const;

export interface ContactRow extends Omit<ContactFields, 'attrs'> {
  id: number;
  attrs: string;
  erased_at: string | null;
  merged_into: number | null;
}

export function toFields(row: ContactRow): ContactFields {
  const attrs: unknown = JSON.parse(row.attrs || '{}');
  return { ...row, attrs: attrs && typeof attrs === 'object' ? (attrs as ContactFields['attrs']) : {} };
}

export async function tagNames(db: Db, workspaceId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('tags')
    .select(['id', 'name'])
    .where('workspace_id', '=', workspaceId)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Rows of every workspace past the cursor or inside one of its gaps, in seq order. */
export function feedPage<T extends 'events' | 'audience_changes'>(
  db: Db,
  table: T,
  high: number,
  gaps: readonly SeqRange[],
  limit: number,
) {
  const columns =
    table === 'events'
      ? sql`seq, workspace_id, contact_id, type, at`
      : sql`seq, workspace_id, contact_id, kind AS type, 0 AS at`;
  const inGaps = gaps.map((g) => sql`(seq BETWEEN ${g.lo} AND ${g.hi})`);
  // The lower bound lets SQLite start its walk of the table there; the ORs alone make it scan from the start.
  const from = Math.min(high + 1, ...gaps.map((g) => g.lo));
  const where = sql`seq >= ${from} AND (${sql.join([sql`seq > ${high}`, ...inGaps], sql` OR `)})`;
  return sql<FeedRow>`SELECT ${columns} FROM ${sql.table(table)} WHERE ${where} ORDER BY seq LIMIT ${limit}`
    .execute(db)
    .then((r) => r.rows.map((row) => ({ ...row, seq: Number(row.seq), at: Number(row.at) })));
}

export interface FeedRow {
  seq: number;
  workspace_id: string;
  contact_id: number;
  /** The event type, or the change kind. */
  type: string;
  at: number;
}

/** The highest seq of a table and the seqs in its last `tail` values (to find gaps at start). */
export async function seqTail(db: Db, table: 'events' | 'audience_changes', tail: number) {
  const max = await sql<{ m: number | string | null }>`SELECT max(seq) AS m FROM ${sql.table(table)}`.execute(
    db,
  );
  const high = Number(max.rows[0]?.m ?? 0);
  const base = Math.max(0, high - tail);
  const seqs = await sql<{
    seq: number | string;
  }>`SELECT seq FROM ${sql.table(table)} WHERE seq > ${base} ORDER BY seq`.execute(db);
  return { base, seqs: seqs.rows.map((r) => Number(r.seq)) };
}

export function contactsByIds(db: Db, ids: readonly number[]) {
  return db.selectFrom('contacts').select(CONTACT_COLUMNS).where('id', 'in', ids).execute() as Promise<
    ContactRow[]
  >;
}

export function tagNamesOfContacts(db: Db, ids: readonly number[]) {
  return db
    .selectFrom('contact_tags as ct')
    .innerJoin('tags as t', 't.id', 'ct.tag_id')
    .select(['ct.contact_id', 't.name'])
    .where('ct.contact_id', 'in', ids)
    .execute();
}

/** Fan-ladder tiers (contact_tiers, src/migrations/0021_ladder.ts) of a workspace's contacts in an id range. */
export async function tierRange(db: Db, workspaceId: string, lo: number, hi: number) {
  const r = await sql<{
    contact_id: number | string;
    tier: string;
  }>`SELECT contact_id, tier FROM contact_tiers
    WHERE workspace_id = ${workspaceId} AND contact_id BETWEEN ${lo} AND ${hi}`.execute(db);
  return r.rows.map((row) => ({ contact_id: Number(row.contact_id), tier: row.tier }));
}

export async function tiersOfContacts(db: Db, ids: readonly number[]) {
  const list = sql.join(ids.map((id) => sql`${id}`));
  const r = await sql<{
    contact_id: number | string;
    tier: string;
  }>`SELECT contact_id, tier FROM contact_tiers
    WHERE contact_id IN (${list})`.execute(db);
  return new Map(r.rows.map((row) => [Number(row.contact_id), row.tier]));
}
