// What the segment index reads from the store: keyset pages for rebuilds, and the few rows a catch-up
// needs. Reads only; every query is bounded by a page size or an id list.
import { sql } from 'kysely';
import type { Db } from '../../platform/store/database.js';
import { idListOf, jsonColumn, parseIdList, parseJsonList, rowListOf } from '../../platform/store/id-list.js';
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

/** How far back `newestContactId` looks among all workspaces' contacts. */
const NEWEST_WINDOW = 100_000;

/**
 * The workspace's highest contact id when it is among the store's newest contacts (as after an import),
 * else undefined: a sizing hint for a rebuild, found without reading the workspace's whole index.
 */
export async function newestContactId(db: Db, workspaceId: string): Promise<number | undefined> {
  const r = await sql<{ m: number | string | null }>`SELECT max(id) AS m FROM (
      SELECT id, workspace_id FROM contacts ORDER BY id DESC LIMIT ${NEWEST_WINDOW}) AS recent
    WHERE workspace_id = ${workspaceId}`.execute(db);
  const m = r.rows[0]?.m;
  return m === null || m === undefined ? undefined : Number(m);
}

/** Fields of a rebuild page, in the order `contactPage` reads them after the id. */
const PAGE_FIELDS = ['name', 'phone', 'gender', 'city', 'birth_year', 'source', 'created_at'] as const;
type PageRow = [number, ...(string | number | null)[]];

export interface ContactPage {
  /** Ascending. */
  ids: number[];
  /** The contacts' fields, aligned with `ids`. */
  fields: ContactFields[];
}

/**
 * Live contacts (not erased or merged) with id > afterId, in id order, as one JSON value: a row per
 * contact would cost the driver an object each, and a rebuild reads millions.
 */
export async function contactPage(
  db: Db,
  workspaceId: string,
  afterId: number,
  limit: number,
): Promise<ContactPage> {
  const values = [sql`id`, ...PAGE_FIELDS.map((f) => sql.ref(f)), jsonColumn(db, sql`attrs`)];
  const r = await sql<{ page: unknown }>`SELECT ${rowListOf(db, values)} AS page FROM (
      SELECT id, ${sql.join(PAGE_FIELDS.map((f) => sql.ref(f)))}, attrs FROM contacts
      WHERE workspace_id = ${workspaceId} AND id > ${afterId} AND erased_at IS NULL AND merged_into IS NULL
      ORDER BY id LIMIT ${limit}) AS page`.execute(db);
  const rows = parseJsonList<PageRow>(r.rows[0]?.page);
  // The aggregate promises no order; it is almost always the subquery's already.
  if (rows.some((row, k) => k > 0 && row[0] < rows[k - 1]![0])) rows.sort((a, b) => a[0] - b[0]);
  const page: ContactPage = {
    ids: new Array<number>(rows.length),
    fields: new Array<ContactFields>(rows.length),
  };
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k]!;
    const attrs = row[PAGE_FIELDS.length + 1];
    page.ids[k] = Number(row[0]);
    page.fields[k] = {
      name: row[1] as string | null,
      phone: row[2] as string | null,
      gender: row[3] as string | null,
      city: row[4] as string | null,
      birth_year: row[5] as number | null,
      source: row[6] as string | null,
      created_at: row[7] as string,
      attrs: attrs && typeof attrs === 'object' ? (attrs as ContactFields['attrs']) : {},
    };
  }
  return page;
}

/**
 * Tag memberships of the contacts with lo <= id <= hi as two aligned lists, read from the primary key
 * alone (covering, no workspace filter): the caller keeps the ids it asked for.
 */
export async function tagRange(db: Db, lo: number, hi: number): Promise<{ ids: number[]; tagIds: string[] }> {
  const r = await sql<{ ids: unknown; tags: unknown }>`SELECT ${idListOf(db, sql`contact_id`)} AS ids,
      ${idListOf(db, sql`tag_id`)} AS tags
    FROM contact_tags WHERE contact_id >= ${lo} AND contact_id <= ${hi}`.execute(db);
  return { ids: parseIdList(r.rows[0]?.ids), tagIds: parseJsonList<string>(r.rows[0]?.tags) };
}

export async function tagNames(db: Db, workspaceId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('tags')
    .select(['id', 'name'])
    .where('workspace_id', '=', workspaceId)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export interface EventPage {
  /** Rows in the page (the page is full when this is the limit). */
  rows: number;
  /** The page's largest seq. */
  lastSeq: number;
  /** Aligned lists per event type. */
  byType: { type: string; seqs: number[]; ids: number[]; ats: number[] }[];
}

/** One workspace's events with afterSeq < seq <= maxSeq, the first `limit` in seq order, grouped by type. */
export async function eventPage(
  db: Db,
  workspaceId: string,
  afterSeq: number,
  maxSeq: number,
  limit: number,
): Promise<EventPage> {
  const r = await sql<{ type: string; seqs: unknown; ids: unknown; ats: unknown }>`SELECT type,
      ${idListOf(db, sql`seq`)} AS seqs, ${idListOf(db, sql`contact_id`)} AS ids, ${idListOf(db, sql`at`)} AS ats
    FROM (SELECT seq, contact_id, type, at FROM events
      WHERE seq > ${afterSeq} AND seq <= ${maxSeq} AND workspace_id = ${workspaceId}
      ORDER BY seq LIMIT ${limit}) AS page
    GROUP BY type`.execute(db);
  const page: EventPage = { rows: 0, lastSeq: afterSeq, byType: [] };
  for (const g of r.rows) {
    const seqs = parseIdList(g.seqs);
    page.rows += seqs.length;
    for (const seq of seqs) if (seq > page.lastSeq) page.lastSeq = seq;
    page.byType.push({ type: g.type, seqs, ids: parseIdList(g.ids), ats: parseIdList(g.ats) });
  }
  return page;
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
  const where = sql.join([sql`seq > ${high}`, ...inGaps], sql` OR `);
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
