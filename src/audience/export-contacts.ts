// Exports contacts as CSV text chunks: all of a workspace's, or a segment's members (through the segment
// index). UTF-8 with a BOM so Excel reads 中文; the header is the import's own columns, so an export can
// be edited and imported back. Phone numbers are masked for roles that may not see personal data; a KOC
// exports only its own fans. Erased and merged-away contacts are left out.
import { sql } from 'kysely';
import type { Db } from '../platform/store/database.js';
import { dialectOf } from '../platform/store/dialect-of.js';
import type { Store } from '../platform/store/open-store.js';
import { CONTACT_COLUMNS } from './import/contact-row.js';
import { CSV_BOM, toCsvLine } from './import/csv-writer.js';
import { maskPhone } from './import/normalize-phone.js';
import { audienceIndexFor } from './index/audience-index.js';
import type { Bitmap } from './segments/bitmap.js';
import './audience-tables.js';

const PAGE = 5000;

export interface ExportContactsOptions {
  /** A saved segment's name; or `expression`; neither = every contact. */
  segment?: string | undefined;
  expression?: string | undefined;
  seesPii: boolean;
  /** Set for the `koc` role: only this KOC's fans (none when the member is not linked to a KOC). */
  koc?: { id: string | null };
  now: Date;
}

export async function* exportContacts(
  store: Store,
  workspaceId: string,
  options: ExportContactsOptions,
): AsyncGenerator<string> {
  const members = await segmentMembers(store, workspaceId, options);
  const attrKeys = await attributeKeys(store.db, workspaceId);
  yield CSV_BOM + toCsvLine([...CONTACT_COLUMNS, ...attrKeys]);
  if (options.koc && options.koc.id === null) return;
  for (let page = 0, after = 0; ; page++) {
    const ids = members ? [...members.rangeUint32Array(page * PAGE, PAGE)] : undefined;
    if (ids?.length === 0) return;
    let query = store.db
      .selectFrom('contacts')
      .select(['id', 'external_id', 'name', 'phone', 'gender', 'city', 'birth_year', 'source', 'attrs'])
      .where('workspace_id', '=', workspaceId)
      .where('erased_at', 'is', null)
      .where('merged_into', 'is', null)
      .orderBy('id')
      .limit(PAGE);
    query = ids ? query.where('id', 'in', ids) : query.where('id', '>', after);
    if (options.koc?.id) query = query.where('owner_koc_id', '=', options.koc.id);
    const rows = await query.execute();
    if (rows.length === 0 && !ids) return;
    after = rows.at(-1)?.id ?? after;
    const tags = await tagsOf(
      store.db,
      rows.map((r) => r.id),
    );
    let chunk = '';
    for (const r of rows) {
      const attrs = JSON.parse(r.attrs) as Record<string, string | number | boolean>;
      const phone = r.phone && !options.seesPii ? maskPhone(r.phone) : r.phone;
      const values = [r.external_id, r.name, phone, r.gender, r.city, r.birth_year, r.source];
      values.push((tags.get(r.id) ?? []).join(';'));
      for (const key of attrKeys) values.push(attrs[key] === undefined ? null : String(attrs[key]));
      chunk += toCsvLine(values);
    }
    yield chunk;
  }
}

/** The segment's members, or undefined for the whole workspace. */
async function segmentMembers(
  store: Store,
  workspaceId: string,
  o: ExportContactsOptions,
): Promise<Bitmap | undefined> {
  if (o.segment === undefined && o.expression === undefined) return undefined;
  const index = audienceIndexFor(store);
  const expr = o.segment !== undefined ? await index.resolveSegment(workspaceId, o.segment) : o.expression!;
  return index.bitmap(workspaceId, expr, { at: o.now });
}

/** Every attribute name in use, sorted: one CSV column each. */
async function attributeKeys(db: Db, workspaceId: string): Promise<string[]> {
  const r =
    dialectOf(db) === 'postgres'
      ? await sql<{ key: string }>`select distinct jsonb_object_keys(attrs::jsonb) as key from contacts
          where workspace_id = ${workspaceId} and erased_at is null`.execute(db)
      : await sql<{ key: string }>`select distinct j.key as key from contacts c, json_each(c.attrs) j
          where c.workspace_id = ${workspaceId} and c.erased_at is null`.execute(db);
  const known = new Set(CONTACT_COLUMNS);
  return r.rows
    .map((x) => x.key)
    .filter((k) => !known.has(k))
    .sort();
}

async function tagsOf(db: Db, contactIds: number[]): Promise<Map<number, string[]>> {
  const tags = new Map<number, string[]>();
  if (contactIds.length === 0) return tags;
  const rows = await db
    .selectFrom('contact_tags')
    .innerJoin('tags', 'tags.id', 'contact_tags.tag_id')
    .select(['contact_tags.contact_id as id', 'tags.name as name'])
    .where('contact_tags.contact_id', 'in', contactIds)
    .orderBy('tags.name')
    .execute();
  for (const { id, name } of rows) {
    const list = tags.get(id);
    if (list) list.push(name);
    else tags.set(id, [name]);
  }
  return tags;
}
