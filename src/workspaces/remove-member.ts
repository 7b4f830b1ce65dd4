import { recordAudit } from '../platform/audit.js';
import type { Db } from '../platform/store/database.js';
import { assertNotLastOwner, getMember } from './members.js';

export async function removeMember(
  db: Db,
  workspaceId: string,
  userId: string,
  opts: { actor: string; now: Date },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const member = await getMember(trx, workspaceId, userId);
    if (member.role === 'owner') await assertNotLastOwner(trx, workspaceId, userId);
    await trx
      .deleteFrom('memberships')
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', userId)
      .execute();
    await recordAudit(trx, {
      workspaceId,
      actor: opts.actor,
      action: 'member.remove',
      target: `user:${userId}`,
      details: { email: member.email, role: member.role },
      at: opts.now,
    });
  });
}
