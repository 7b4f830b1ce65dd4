import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/store/database.js';
import '../content-tables.js';

/** Deletes a script with its attachment links and search terms (touches keep their rendered text). */
export async function deleteScript(
  db: Db,
  workspaceId: string,
  id: string,
  ctx: { actor: string; now: Date },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('scripts')
      .select('name')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', `script ${id} not found`, { id });
    await trx.deleteFrom('script_terms').where('script_id', '=', id).execute();
    await trx.deleteFrom('script_materials').where('script_id', '=', id).execute();
    await trx.deleteFrom('scripts').where('id', '=', id).execute();
    await recordAudit(trx, {
      workspaceId,
      actor: ctx.actor,
      action: 'script.delete',
      target: id,
      details: { name: row.name },
      at: ctx.now,
    });
  });
}
