// The koc role sees only its own fans: segment counts, members and exports are narrowed to them.
import type { WorkspaceAccess } from '../../platform/auth/workspace-access.js';
import type { Db } from '../../platform/store/database.js';
import { RoaringBitmap32, type Bitmap } from '../segments/bitmap.js';
import '../audience-tables.js';

/** undefined for roles that see the whole audience. */
export async function viewerScope(db: Db, access: WorkspaceAccess): Promise<Bitmap | undefined> {
  if (access.role !== 'koc') return undefined;
  const rows = await db
    .selectFrom('contacts')
    .select('id')
    .where('workspace_id', '=', access.workspace.id)
    .where('owner_koc_id', '=', access.kocId ?? '')
    .execute();
  return new RoaringBitmap32(rows.map((r) => r.id));
}
