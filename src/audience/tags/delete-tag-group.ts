import type { Db } from '../../platform/store/database.js';
import { findTagGroup } from './tag-view.js';

/** Deletes the group; its tags stay, ungrouped (contacts keep them). */
export async function deleteTagGroup(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await findTagGroup(trx, workspaceId, id);
    await trx.updateTable('tags').set({ group_id: null }).where('group_id', '=', id).execute();
    await trx.deleteFrom('tag_groups').where('id', '=', id).execute();
  });
}
