// Deletes an auto-reply rule (its cool-down rows go with it).
import { recordAudit } from '../../platform/audit.js';
import type { Db } from '../../platform/store/database.js';
import { findRuleRow } from './rule-view.js';

export async function deleteAutoReplyRule(
  db: Db,
  workspaceId: string,
  id: string,
  ctx: { actor: string; now: Date },
): Promise<void> {
  await findRuleRow(db, workspaceId, id);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('auto_reply_hits').where('rule_id', '=', id).execute();
    await trx.deleteFrom('auto_reply_rules').where('id', '=', id).execute();
    await recordAudit(trx, {
      workspaceId,
      actor: ctx.actor,
      action: 'auto_reply.delete',
      target: id,
      at: ctx.now,
    });
  });
}
