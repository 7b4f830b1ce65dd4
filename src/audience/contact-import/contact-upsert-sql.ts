// The import's bulk statements, one per dialect. On PostgreSQL a whole batch travels as typed arrays (one
// bound value a column), so a 10,000-row statement costs no query-builder work. On SQLite rows go through
// insertValues, values bound one by one with those shared by every row bound once: cheaper than extracting
// them from one JSON value (1M contacts with 4 tags: tag pairs ~25.6 s -> ~23.4 s; contacts 5.0 s -> 4.2 s).
import { sql } from 'kysely';
import type { ContactImportRow } from '../import/contact-row.js';
import type { Db } from '../../platform/store/database.js';
import { dialectOf } from '../../platform/store/dialect-of.js';
import { insertValues } from '../../platform/store/insert-rows.js';
import { pgIntArray, pgTextArray } from '../../platform/store/pg-array.js';

export { dialectOf };

export interface ExistingContact {
  id: number;
  external_id: string;
  erased_at: string | null;
  merged_into: number | null;
}

export async function selectExisting(
  db: Db,
  workspaceId: string,
  externalIds: readonly string[],
): Promise<ExistingContact[]> {
  const columns = sql.raw('id, external_id, erased_at, merged_into');
  // PostgreSQL: one index probe per id, whatever the statistics say. Given `external_id = any(10,000
  // ids)`, it read the workspace's whole index range (statistics not yet updated after a bulk import:
  // ~150 ms a batch) or scanned the table (~80 ms) instead of probing (~20 ms); a lateral subquery with
  // LIMIT 1 (external ids are unique in a workspace) cannot be turned into such a join.
  const r =
    dialectOf(db) === 'postgres'
      ? await sql<ExistingContact>`select c.* from unnest(${pgTextArray(externalIds)}::text[]) as t(external_id)
          cross join lateral (select ${columns} from contacts
            where workspace_id = ${workspaceId} and external_id = t.external_id limit 1) c`.execute(db)
      : await sql<ExistingContact>`select ${columns} from contacts where workspace_id = ${workspaceId}
          and external_id in (select value from json_each(${JSON.stringify(externalIds)}))`.execute(db);
  return r.rows.map((c) => ({ ...c, id: Number(c.id) }));
}

/** The highest contact id so far: on SQLite (one writer at a time) every id above it is a new row. */
export async function maxContactId(db: Db): Promise<number> {
  const r = await sql<{ m: number | null }>`select max(id) as m from contacts`.execute(db);
  return Number(r.rows[0]?.m ?? 0);
}

/** The fields an import fills in (an absent one never erases what is stored). */
const FIELDS = ['name', 'phone', 'gender', 'city', 'birth_year', 'source'] as const;
const CONTACT_COLUMNS = ['workspace_id', 'external_id', ...FIELDS, 'attrs', 'created_at', 'updated_at'];

export interface UpsertedContact {
  id: number;
  external_id: string;
  /** PostgreSQL only: whether the row was inserted (xmax = 0) rather than updated. */
  inserted?: boolean;
}

/**
 * Inserts new contacts and updates existing ones; returns only rows that were inserted or really changed.
 * An absent field never erases a stored one (imports fill in), and attributes merge key by key. Erased and
 * merged contacts are left alone (the caller finds them among the rows not returned).
 */
export async function upsertContacts(
  db: Db,
  workspaceId: string,
  rows: readonly ContactImportRow[],
  now: Date,
): Promise<UpsertedContact[]> {
  const at = now.toISOString();
  const pg = dialectOf(db) === 'postgres';
  const differs = pg ? 'is distinct from' : 'is not';
  const set = FIELDS.map((f) => `${f} = coalesce(excluded.${f}, contacts.${f})`).join(', ');
  const fieldChanged = FIELDS.map((f) => `coalesce(excluded.${f}, contacts.${f}) ${differs} contacts.${f}`);
  const merged = pg
    ? `(contacts.attrs::jsonb || excluded.attrs::jsonb)`
    : `json_patch(contacts.attrs, excluded.attrs)`;
  const attrsChanged = pg
    ? `${merged} ${differs} contacts.attrs::jsonb`
    : `${merged} ${differs} json(contacts.attrs)`;
  const conflictText = `on conflict (workspace_id, external_id) do update set ${set},
      attrs = case when excluded.attrs = '{}' then contacts.attrs else ${pg ? `${merged}::text` : merged} end,
      updated_at = excluded.updated_at
    where contacts.erased_at is null and contacts.merged_into is null
      and (${[...fieldChanged, attrsChanged].join(' or ')})
    returning id, external_id${pg ? ', xmax = 0 as inserted' : ''}`;
  if (pg) {
    const text = (pick: (r: ContactImportRow) => string | undefined) => pgTextArray(rows.map(pick));
    const r = await sql<UpsertedContact>`insert into contacts (${sql.raw(CONTACT_COLUMNS.join(', '))})
      select ${workspaceId}, t.*, ${at}, ${at} from unnest(
        ${text((r) => r.externalId)}::text[], ${text((r) => r.name)}::text[], ${text((r) => r.phone)}::text[],
        ${text((r) => r.gender)}::text[], ${text((r) => r.city)}::text[],
        ${pgIntArray(rows.map((r) => r.birthYear))}::int[], ${text((r) => r.source)}::text[],
        ${text((r) => JSON.stringify(r.attrs))}::text[]) as t
      ${sql.raw(conflictText)}`.execute(db);
    return r.rows.map((c) => ({ ...c, id: Number(c.id) }));
  }
  const values: unknown[] = new Array(rows.length * 11);
  let p = 0;
  for (const r of rows) {
    values[p++] = workspaceId;
    values[p++] = r.externalId;
    values[p++] = r.name ?? null;
    values[p++] = r.phone ?? null;
    values[p++] = r.gender ?? null;
    values[p++] = r.city ?? null;
    values[p++] = r.birthYear ?? null;
    values[p++] = r.source ?? null;
    values[p++] = JSON.stringify(r.attrs);
    values[p++] = at;
    values[p++] = at;
  }
  const { returned } = await insertValues<UpsertedContact>(db, 'contacts', CONTACT_COLUMNS, values, {
    tail: conflictText,
  });
  return returned;
}

/**
 * Adds (contact, tag) pairs. For contacts created in this transaction (`into: 'new'`) no pair can exist
 * yet, so a plain insert does (PostgreSQL's speculative ON CONFLICT insert costs ~60 % more a row); for
 * the others pairs already there are kept, and the contacts that gained one are returned.
 */
export async function insertContactTagPairs(
  db: Db,
  workspaceId: string,
  contactIds: readonly number[],
  tagIds: readonly string[],
  addedBy: string,
  now: Date,
  into: 'new' | 'existing',
): Promise<number[]> {
  if (contactIds.length === 0) return [];
  const at = now.toISOString();
  const conflict = into === 'new' ? '' : 'on conflict (contact_id, tag_id) do nothing returning contact_id';
  const columns = ['contact_id', 'tag_id', 'workspace_id', 'added_at', 'added_by'];
  if (dialectOf(db) === 'sqlite') {
    const values: unknown[] = new Array(contactIds.length * 5);
    for (let i = 0, p = 0; i < contactIds.length; i++) {
      values[p++] = contactIds[i];
      values[p++] = tagIds[i];
      values[p++] = workspaceId;
      values[p++] = at;
      values[p++] = addedBy;
    }
    const { returned } = await insertValues<{ contact_id: number }>(db, 'contact_tags', columns, values, {
      tail: conflict,
    });
    return returned.map((x) => Number(x.contact_id));
  }
  // Each pair names its tag by position in the batch's list of distinct tags: 40,000 small numbers
  // instead of 40,000 quoted 30-character ids to build, send and parse.
  const position = new Map<string, number>();
  const tagNumbers = tagIds.map((t) => {
    let n = position.get(t);
    if (n === undefined) position.set(t, (n = position.size + 1));
    return n;
  });
  const r = await sql<{ contact_id: number }>`insert into contact_tags (${sql.raw(columns.join(', '))})
    select t.c, (${pgTextArray([...position.keys()])}::text[])[t.n], ${workspaceId}, ${at}, ${addedBy}
    from unnest(${pgIntArray(contactIds)}::bigint[], ${pgIntArray(tagNumbers)}::int[]) as t(c, n)
    ${sql.raw(conflict)}`.execute(db);
  return r.rows.map((x) => Number(x.contact_id));
}
