import { decodeCursor, encodeCursor } from '../platform/pagination.js';
import type { Db } from '../platform/store/database.js';

export interface AuditItem {
  id: string;
  actor: string;
  action: string;
  target: string | null;
  details: Record<string, unknown> | null;
  at: string;
}

/** Newest first, keyset-paginated on (at, id). */
export async function listAudit(
  db: Db,
  workspaceId: string,
  page: { cursor?: string | undefined; limit: number },
): Promise<{ items: AuditItem[]; nextCursor: string | null }> {
  let q = db.selectFrom('audit_log').selectAll().where('workspace_id', '=', workspaceId);
  if (page.cursor) {
    const [at, id] = decodeCursor(page.cursor, 2) as [string, string];
    q = q.where((eb) => eb.or([eb('at', '<', at), eb.and([eb('at', '=', at), eb('id', '<', id)])]));
  }
  const rows = await q
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit + 1)
    .execute();
  const items = rows.slice(0, page.limit).map((r) => ({
    id: r.id,
    actor: r.actor,
    action: r.action,
    target: r.target,
    details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null,
    at: r.at,
  }));
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > page.limit && last ? encodeCursor([last.at, last.id]) : null };
}
