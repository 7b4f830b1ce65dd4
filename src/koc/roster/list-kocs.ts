// The roster, filtered and searched, by keyset pages on the id.
import { sql } from 'kysely';
import { decodeCursor, encodeCursor } from '../../platform/pagination.js';
import type { Db } from '../../platform/store/database.js';
import { toKocViews, type KocView } from './koc-view.js';

export interface ListKocsQuery {
  kind?: string | undefined;
  status?: string | undefined;
  category?: string | undefined;
  city?: string | undefined;
  /** Matches the name or a social handle, case-insensitively. */
  q?: string | undefined;
  /** Only these KOCs. */
  ids?: readonly string[] | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

export async function listKocs(
  db: Db,
  workspaceId: string,
  query: ListKocsQuery,
  seesPii: boolean,
): Promise<{ items: KocView[]; nextCursor: string | null }> {
  const limit = query.limit ?? 50;
  let q = db
    .selectFrom('kocs as k')
    .selectAll('k')
    .where('k.workspace_id', '=', workspaceId)
    .orderBy('k.id')
    .limit(limit + 1);
  if (query.ids) q = q.where('k.id', 'in', query.ids.length ? [...query.ids] : ['']);
  if (query.kind) q = q.where('k.kind', '=', query.kind);
  if (query.status) q = q.where('k.status', '=', query.status);
  if (query.category) q = q.where('k.category', '=', query.category);
  if (query.city) q = q.where('k.city', '=', query.city);
  if (query.cursor) q = q.where('k.id', '>', String(decodeCursor(query.cursor, 1)[0]));
  const text = query.q?.trim().toLowerCase();
  if (text) {
    const pattern = `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    q = q.where((eb) =>
      eb.or([
        sql<boolean>`lower(k.name) LIKE ${pattern} ESCAPE '\\'`,
        eb.exists(
          eb
            .selectFrom('koc_social_accounts as s')
            .select(sql.lit(1).as('one'))
            .whereRef('s.koc_id', '=', 'k.id')
            .where(sql<boolean>`lower(s.handle) LIKE ${pattern} ESCAPE '\\'`),
        ),
      ]),
    );
  }
  const rows = await q.execute();
  const page = rows.slice(0, limit);
  return {
    items: await toKocViews(db, page, seesPii),
    nextCursor: rows.length > limit ? encodeCursor([page.at(-1)!.id]) : null,
  };
}
