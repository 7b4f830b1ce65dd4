// The script library: newest first, or with `q` the scripts containing every word of the query, ranked
// by how often those words occur.
import { sql } from 'kysely';
import { decodeCursor, encodeCursor } from '../../platform/pagination.js';
import type { Db } from '../../platform/store/database.js';
import { queryTerms } from './search-terms.js';
import { toScripts, type Script, type ScriptPurpose } from './script-view.js';

export interface ScriptQuery {
  q?: string | undefined;
  purpose?: ScriptPurpose | undefined;
  promotion?: boolean | undefined;
  cursor?: string | undefined;
  limit?: number;
}

export async function listScripts(
  db: Db,
  workspaceId: string,
  query: ScriptQuery,
): Promise<{ items: Script[]; nextCursor: string | null }> {
  const limit = query.limit ?? 50;
  let q = db.selectFrom('scripts as s').selectAll('s').where('s.workspace_id', '=', workspaceId);
  if (query.purpose) q = q.where('s.purpose', '=', query.purpose);
  if (query.promotion !== undefined) q = q.where('s.promotion', '=', query.promotion ? 1 : 0);
  const terms = query.q ? queryTerms(query.q) : [];

  if (terms.length === 0) {
    if (query.cursor) q = q.where('s.id', '<', String(decodeCursor(query.cursor, 1)[0]));
    const rows = await q
      .orderBy('s.id', 'desc')
      .limit(limit + 1)
      .execute();
    const page = rows.slice(0, limit);
    return {
      items: await toScripts(db, page),
      nextCursor: rows.length > limit ? encodeCursor([page.at(-1)!.id]) : null,
    };
  }

  // Ranked results page by position: the ranking is not a key the next page could continue from.
  const offset = query.cursor ? Number(decodeCursor(query.cursor, 1)[0]) : 0;
  const matches = db
    .selectFrom('script_terms')
    .select(['script_id', sql<number>`sum(hits)`.as('score')])
    .where('workspace_id', '=', workspaceId)
    .where('term', 'in', terms)
    .groupBy('script_id')
    .having(sql<number>`count(*)`, '=', terms.length)
    .as('m');
  const rows = await q
    .innerJoin(matches, 'm.script_id', 's.id')
    .orderBy('m.score', 'desc')
    .orderBy('s.id', 'desc')
    .limit(limit + 1)
    .offset(Math.max(0, Math.trunc(offset)))
    .execute();
  const page = rows.slice(0, limit);
  return {
    items: await toScripts(db, page),
    nextCursor: rows.length > limit ? encodeCursor([offset + limit]) : null,
  };
}
