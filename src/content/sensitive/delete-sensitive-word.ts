import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/store/database.js';
import { forgetSensitiveMatcher } from './sensitive-matcher.js';

export async function deleteSensitiveWord(
  db: Db,
  workspaceId: string,
  id: string,
  ctx: { actor: string; now: Date },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .deleteFrom('sensitive_words')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .returning('word')
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', `sensitive word ${id} not found`, { id });
    await recordAudit(trx, {
      workspaceId,
      actor: ctx.actor,
      action: 'sensitive_words.delete',
      target: id,
      details: { word: row.word },
      at: ctx.now,
    });
  });
  forgetSensitiveMatcher(workspaceId);
}
