import { recordAudit } from '../platform/audit.js';
import type { Role } from '../platform/auth/roles.js';
import type { Db } from '../platform/store/database.js';
import { assertNotLastOwner, getMember, type Member } from './members.js';

export async function changeMemberRole(
  db: Db,
  workspaceId: string,
  userId: string,
  role: Role,
  opts: { actor: string; now: Date },
): Promise<Member> {
  return db.transaction().execute(async (trx) => {
    const before = await getMember(trx, workspaceId, userId);
    if (before.role === role) return before;
    if (before.role === 'owner') await assertNotLastOwner(trx, workspaceId, userId);
    await trx
      .updateTable('memberships')
      .set({ role })
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', userId)
      .execute();
    await recordAudit(trx, {
      workspaceId,
      actor: opts.actor,
      action: 'member.role',
      target: `user:${userId}`,
      details: { from: before.role, to: role },
      at: opts.now,
    });
    return { ...before, role };
  });
}
