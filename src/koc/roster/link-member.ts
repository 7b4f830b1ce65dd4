// Links a workspace member to a KOC (the koc role then sees only that KOC's fans, tasks and figures).
import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/store/database.js';
import { findKoc } from './koc-view.js';

export async function linkMemberToKoc(
  db: Db,
  workspaceId: string,
  userId: string,
  kocId: string | null,
  opts: { actor: string; now: Date },
): Promise<{ userId: string; role: string; kocId: string | null }> {
  return db.transaction().execute(async (trx) => {
    const m = await trx
      .selectFrom('memberships')
      .select(['role'])
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (!m) throw new AppError('NOT_FOUND', `member "${userId}" not found`, { userId });
    if (kocId !== null) {
      await findKoc(trx, workspaceId, kocId);
      const taken = await trx
        .selectFrom('memberships')
        .select('user_id')
        .where('workspace_id', '=', workspaceId)
        .where('koc_id', '=', kocId)
        .where('user_id', '!=', userId)
        .executeTakeFirst();
      if (taken)
        throw new AppError('CONFLICT', 'another member is already linked to this KOC', {
          userId: taken.user_id,
        });
    }
    await trx
      .updateTable('memberships')
      .set({ koc_id: kocId })
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', userId)
      .execute();
    await recordAudit(trx, {
      workspaceId,
      actor: opts.actor,
      action: 'member.koc',
      target: userId,
      details: { kocId },
      at: opts.now,
    });
    return { userId, role: m.role, kocId };
  });
}
