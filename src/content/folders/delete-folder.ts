import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/store/database.js';
import '../content-tables.js';

/** Deletes a folder; its materials stay, outside any folder. */
export async function deleteFolder(
  db: Db,
  workspaceId: string,
  id: string,
  ctx: { actor: string; now: Date },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('material_folders')
      .select('name')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', `folder ${id} not found`, { id });
    await trx.updateTable('materials').set({ folder_id: null }).where('folder_id', '=', id).execute();
    await trx.deleteFrom('material_folders').where('id', '=', id).execute();
    await recordAudit(trx, {
      workspaceId,
      actor: ctx.actor,
      action: 'material_folder.delete',
      target: id,
      details: { name: row.name },
      at: ctx.now,
    });
  });
}
