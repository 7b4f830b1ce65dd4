// The workspace's saved segments, by name.
import type { Db } from '../../platform/store/database.js';
import { toSavedSegment } from './saved-segment.js';
import type { SavedSegment } from './saved-segment.js';
import '../audience-tables.js';

export async function listSegments(db: Db, workspaceId: string): Promise<SavedSegment[]> {
  const rows = await db
    .selectFrom('segments')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('name')
    .execute();
  return rows.map(toSavedSegment);
}
