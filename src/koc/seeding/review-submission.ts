// Reviews a submission: approving records the task's reward for the KOC (once per submission);
// rejecting (with a reason) lets the KOC submit again.
import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Db } from '../../platform/store/database.js';
import { findTask } from './seeding-store.js';

export async function reviewSubmission(
  db: Db,
  workspaceId: string,
  submissionId: string,
  decision: 'approve' | 'reject',
  opts: { actor: string; reason?: string | undefined; now: Date },
): Promise<{ id: string; status: string; reward: { kind: string; amount: number } | null }> {
  if (decision === 'reject' && !opts.reason) {
    throw new AppError('VALIDATION', 'give a reason to reject', { field: 'reason' });
  }
  return db.transaction().execute(async (trx) => {
    const s = await trx
      .selectFrom('seeding_submissions')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', submissionId)
      .executeTakeFirst();
    if (!s) throw new AppError('NOT_FOUND', `submission "${submissionId}" not found`);
    if (s.status !== 'pending') throw new AppError('CONFLICT', `the submission is already ${s.status}`);
    const status = decision === 'approve' ? 'approved' : 'rejected';
    const at = opts.now.toISOString();
    await trx
      .updateTable('seeding_submissions')
      .set({ status, reason: opts.reason ?? null, reviewed_at: at })
      .where('id', '=', submissionId)
      .execute();
    await trx
      .updateTable('seeding_assignments')
      .set({ status })
      .where('task_id', '=', s.task_id)
      .where('koc_id', '=', s.koc_id)
      .execute();
    let reward: { kind: string; amount: number } | null = null;
    if (decision === 'approve') {
      const task = await findTask(trx, workspaceId, s.task_id);
      reward = { kind: task.reward_kind, amount: task.reward_amount };
      await trx
        .insertInto('koc_rewards')
        .values({
          id: newId('rwd', opts.now),
          workspace_id: workspaceId,
          koc_id: s.koc_id,
          source_id: submissionId,
          kind: reward.kind,
          amount: reward.amount,
          at,
        })
        .execute();
    }
    await recordAudit(trx, {
      workspaceId,
      actor: opts.actor,
      action: `seeding.${decision}`,
      target: submissionId,
      details: { reason: opts.reason ?? null },
      at: opts.now,
    });
    return { id: submissionId, status, reward };
  });
}
