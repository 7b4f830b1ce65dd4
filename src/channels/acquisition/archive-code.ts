// Archives a code: its token no longer attributes new fans (the fans it brought keep their attribution).
import { recordAudit } from '../../platform/audit.js';
import type { Db } from '../../platform/store/database.js';
import { findCodeRow, toCodeView, type CodeView } from './code-view.js';

export async function archiveAcquisitionCode(
  db: Db,
  workspaceId: string,
  id: string,
  ctx: { actor: string; now: Date },
): Promise<CodeView> {
  const row = await findCodeRow(db, workspaceId, id);
  const at = ctx.now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('acquisition_codes')
      .set({ status: 'archived', updated_at: at })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      workspaceId,
      actor: ctx.actor,
      action: 'acquisition.code.archive',
      target: id,
      at: ctx.now,
    });
  });
  return toCodeView({ ...row, status: 'archived', updated_at: at });
}
