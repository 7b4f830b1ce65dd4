// The pages a segment index rebuild reads: a workspace's live contacts in id order (keyset pages), the
// tags of each page's id range, and its events in seq order. Each page comes back as one JSON value per
// column group (a row per contact would cost the driver an object each, and a rebuild reads millions),
// through the store's bulk reader, so on SQLite the next page is read on another thread while this one is
// built. The read is split from the parse: the caller asks for the next page before parsing this one.
import { sql } from 'kysely';
import { idListOf, jsonColumn, parseIdList, parseJsonList, rowListOf } from '../../platform/store/id-list.js';
import type { Store } from '../../platform/store/open-store.js';
import type { ContactFields } from '../segments/segment-index.js';
import '../audience-tables.js';

export type PageStore = Pick<Store, 'db' | 'bulkRead'>;

/** How far back `newestContactId` looks among all workspaces' contacts. */
const NEWEST_WINDOW = 100_000;

/**
 * The workspace's highest contact id when it is among the store's newest contacts (as after an import),
 * else undefined: a sizing hint for a rebuild, found without reading the workspace's whole index.
 */
export async function newestContactId(store: PageStore, workspaceId: string): Promise<number | undefined> {
  const [row] = await store.bulkRead<{ m: number | string | null }>(
    sql`SELECT max(id) AS m FROM (SELECT id, workspace_id FROM contacts ORDER BY id DESC LIMIT ${NEWEST_WINDOW})
      AS recent WHERE workspace_id = ${workspaceId}`.compile(store.db),
  );
  return row?.m === null || row?.m === undefined ? undefined : Number(row.m);
}

/** Fields of a page, in the order read after the id. */
const PAGE_FIELDS = ['name', 'phone', 'gender', 'city', 'birth_year', 'source', 'created_at'] as const;
type PageRow = [number, ...(string | number | null)[]];

export interface RawContactPage {
  rows: unknown;
  /** Contacts in the page. */
  n: number;
  /** The page's highest id (0 when empty): where the next page starts, known before parsing. */
  last: number;
}

/** Live contacts (not erased or merged) with id > afterId, the first `limit` in id order. */
export async function readContactPage(
  store: PageStore,
  workspaceId: string,
  afterId: number,
  limit: number,
): Promise<RawContactPage> {
  const { db } = store;
  const values = [sql`id`, ...PAGE_FIELDS.map((f) => sql.ref(f)), jsonColumn(db, sql`attrs`)];
  const [row] = await store.bulkRead<{ rows: unknown; n: number | string; last: number | string | null }>(
    sql`SELECT ${rowListOf(db, values)} AS rows, count(*) AS n, max(id) AS last FROM (
      SELECT id, ${sql.join(PAGE_FIELDS.map((f) => sql.ref(f)))}, attrs FROM contacts
      WHERE workspace_id = ${workspaceId} AND id > ${afterId} AND erased_at IS NULL AND merged_into IS NULL
      ORDER BY id LIMIT ${limit}) AS page`.compile(db),
  );
  return { rows: row?.rows, n: Number(row?.n ?? 0), last: Number(row?.last ?? 0) };
}

export interface ContactPage {
  /** Ascending. */
  ids: number[];
  /** The contacts' fields, aligned with `ids`. */
  fields: ContactFields[];
}

export function parseContactPage(raw: RawContactPage): ContactPage {
  const rows = parseJsonList<PageRow>(raw.rows);
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

export interface RawTagRange {
  ids: unknown;
  tags: unknown;
}

/**
 * Tag memberships of the contacts with lo <= id <= hi, read from the primary key alone (covering, no
 * workspace filter): the caller keeps the ids it asked for.
 */
export async function readTagRange(store: PageStore, lo: number, hi: number): Promise<RawTagRange> {
  const { db } = store;
  const [row] = await store.bulkRead<RawTagRange>(
    sql`SELECT ${idListOf(db, sql`contact_id`)} AS ids, ${idListOf(db, sql`tag_id`)} AS tags
      FROM contact_tags WHERE contact_id >= ${lo} AND contact_id <= ${hi}`.compile(db),
  );
  return row ?? { ids: null, tags: null };
}

/** Two aligned lists: contact ids and their tag ids. */
export function parseTagRange(raw: RawTagRange): { ids: number[]; tagIds: string[] } {
  return { ids: parseIdList(raw.ids), tagIds: parseJsonList<string>(raw.tags) };
}

export interface RawEventGroup {
  type: string;
  seqs: unknown;
  ids: unknown;
  ats: unknown;
  n: number | string;
  last: number | string;
}

export interface RawEventPage {
  groups: RawEventGroup[];
  /** Events in the page (it is full when this is the limit). */
  n: number;
  /** The page's largest seq: where the next page starts, known before parsing. */
  last: number;
}

/** One workspace's events with afterSeq < seq <= maxSeq, the first `limit` in seq order, grouped by type. */
export async function readEventPage(
  store: PageStore,
  workspaceId: string,
  afterSeq: number,
  maxSeq: number,
  limit: number,
): Promise<RawEventPage> {
  const { db } = store;
  const groups = await store.bulkRead<RawEventGroup>(
    sql`SELECT type, ${idListOf(db, sql`seq`)} AS seqs, ${idListOf(db, sql`contact_id`)} AS ids,
        ${idListOf(db, sql`at`)} AS ats, count(*) AS n, max(seq) AS last
      FROM (SELECT seq, contact_id, type, at FROM events
        WHERE seq > ${afterSeq} AND seq <= ${maxSeq} AND workspace_id = ${workspaceId}
        ORDER BY seq LIMIT ${limit}) AS page
      GROUP BY type`.compile(db),
  );
  const page: RawEventPage = { groups, n: 0, last: afterSeq };
  for (const g of groups) {
    page.n += Number(g.n);
    page.last = Math.max(page.last, Number(g.last));
  }
  return page;
}

/** A group's aligned lists. */
export function parseEventGroup(g: RawEventGroup): { seqs: number[]; ids: number[]; ats: number[] } {
  return { seqs: parseIdList(g.seqs), ids: parseIdList(g.ids), ats: parseIdList(g.ats) };
}
