import { sql } from 'kysely';
import { roleSeesPii } from '../../platform/auth/roles.js';
import { decodeCursor, encodeCursor } from '../../platform/pagination.js';
import type { Db } from '../../platform/store/database.js';
import { toContactView, type ContactView, type Viewer } from './contact-view.js';

export interface ListContactsQuery {
  /** Matches name, external id, city and (for roles that see PII) phone, case-insensitively. */
  q?: string | undefined;
  /** Only contacts with this tag (by name). */
  tag?: string | undefined;
  cursor?: string | undefined;
  limit?: number;
}

/** Live contacts, newest first, by keyset pages. */
export async function listContacts(
  db: Db,
  workspaceId: string,
  query: ListContactsQuery,
  viewer: Viewer,
): Promise<{ items: ContactView[]; nextCursor: string | null }> {
  const limit = query.limit ?? 50;
  let q = db
    .selectFrom('contacts as c')
    .selectAll('c')
    .where('c.workspace_id', '=', workspaceId)
    .where('c.erased_at', 'is', null)
    .where('c.merged_into', 'is', null)
    .orderBy('c.id', 'desc')
    .limit(limit + 1);
  if (viewer.role === 'koc') q = q.where('c.owner_koc_id', '=', viewer.kocId ?? '');
  if (query.cursor) q = q.where('c.id', '<', Number(decodeCursor(query.cursor, 1)[0]));
  const text = query.q?.trim();
  if (text) {
    const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    const like = (col: 'name' | 'external_id' | 'city' | 'phone') =>
      sql<boolean>`lower(${sql.ref(`c.${col}`)}) LIKE ${pattern} ESCAPE '\\'`;
    const cols = ['name', 'external_id', 'city'] as const;
    const digits = text.replace(/[\s-]/g, '');
    q = q.where((eb) =>
      eb.or([
        ...cols.map(like),
        // Searching by phone would let a masked role confirm a number: only roles that see it.
        ...(roleSeesPii(viewer.role) && /^\+?\d{4,}$/.test(digits)
          ? [sql<boolean>`c.phone LIKE ${`%${digits}%`}`]
          : []),
      ]),
    );
  }
  if (query.tag) {
    const tag = query.tag;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('contact_tags as ct')
          .innerJoin('tags as t', 't.id', 'ct.tag_id')
          .select(sql.lit(1).as('one'))
          .whereRef('ct.contact_id', '=', 'c.id')
          .where('t.workspace_id', '=', workspaceId)
          .where('t.name', '=', tag),
      ),
    );
  }
  const rows = await q.execute();
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => toContactView(r, viewer)),
    nextCursor: rows.length > limit ? encodeCursor([page.at(-1)!.id]) : null,
  };
}
