// The material library, newest first, filtered by kind, folder, tag or title text; keyset pages.
import { sql } from 'kysely';
import { decodeCursor, encodeCursor } from '../../platform/pagination.js';
import type { Db } from '../../platform/store/database.js';
import { toMaterials, type Material, type MaterialKind } from './material-view.js';

export interface MaterialQuery {
  kind?: MaterialKind | undefined;
  folderId?: string | undefined;
  tag?: string | undefined;
  q?: string | undefined;
  cursor?: string | undefined;
  limit?: number;
}

export async function listMaterials(
  db: Db,
  workspaceId: string,
  query: MaterialQuery,
): Promise<{ items: Material[]; nextCursor: string | null }> {
  const limit = query.limit ?? 50;
  let q = db
    .selectFrom('materials')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('deleted_at', 'is', null);
  if (query.kind) q = q.where('kind', '=', query.kind);
  if (query.folderId) q = q.where('folder_id', '=', query.folderId);
  if (query.tag) {
    const tag = query.tag;
    q = q.where('id', 'in', (eb) =>
      eb
        .selectFrom('material_tags')
        .select('material_id')
        .where('workspace_id', '=', workspaceId)
        .where('tag', '=', tag),
    );
  }
  const text = query.q?.trim();
  if (text) {
    const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    q = q.where(sql<boolean>`lower(title) LIKE ${pattern} ESCAPE '\\'`);
  }
  if (query.cursor) q = q.where('id', '<', String(decodeCursor(query.cursor, 1)[0]));
  const rows = await q
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  return {
    items: await toMaterials(db, page),
    nextCursor: rows.length > limit ? encodeCursor([page.at(-1)!.id]) : null,
  };
}
