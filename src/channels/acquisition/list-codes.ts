// Lists a workspace's acquisition codes (optionally one KOC's or one scene's), newest first.
import type { Db } from '../../platform/store/database.js';
import { toCodeView, type CodeView } from './code-view.js';

export async function listAcquisitionCodes(
  db: Db,
  workspaceId: string,
  filter: { kocId?: string | undefined; scene?: string | undefined; status?: string | undefined },
): Promise<CodeView[]> {
  let q = db.selectFrom('acquisition_codes').selectAll().where('workspace_id', '=', workspaceId);
  if (filter.kocId) q = q.where('koc_id', '=', filter.kocId);
  if (filter.scene) q = q.where('scene', '=', filter.scene);
  if (filter.status) q = q.where('status', '=', filter.status);
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1000).execute();
  return rows.map(toCodeView);
}
