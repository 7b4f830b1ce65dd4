// The only way onto the leader tier: an operator approves an application. The checks are assessed again
// at approval (a fan may have dropped from iron meanwhile); approval moves the fan iron → leader with a
// history row and a tier_changed event like any other change. A fan who is a KOC is then recorded as a
// group leader (团长) with its requirement verdicts: one application, one review, for both. Rejection
// keeps the fan where they are.
import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/store/database.js';
import { applyTierChanges } from './apply-tier-changes.js';
import { loadLadderSettings } from './ladder-settings.js';
import { recordGroupLeader } from '../leaders/leaders.js';
import type { LeaderVerdict } from '../leaders/leader-requirements.js';
import { kocOfContact, leaderChecks, type LeaderCheck } from './leader-checks.js';
import { toApplicationView, type LeaderApplicationView } from './leader-applications.js';

/** The group leader requirements among an application's checks (see leader-checks.ts). */
function kocVerdicts(checks: readonly LeaderCheck[]): LeaderVerdict[] {
  return checks.flatMap((c) =>
    c.check === 'fans' || c.check === 'avgReads' || c.check === 'interactionRate'
      ? [{ rule: c.check, required: Number(c.required), actual: Number(c.actual), pass: c.pass }]
      : [],
  );
}

export async function reviewLeaderApplication(
  db: Db,
  workspaceId: string,
  id: string,
  decision: { approve: boolean; reason?: string | null | undefined },
  ctx: { actor: string; now: Date },
): Promise<LeaderApplicationView> {
  const app = await db
    .selectFrom('leader_applications')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!app) throw new AppError('NOT_FOUND', `application ${id} not found`);
  if (app.status !== 'applied') throw new AppError('CONFLICT', `application already ${app.status}`);
  const contactId = Number(app.contact_id);
  const checks = await leaderChecks(
    db,
    workspaceId,
    contactId,
    await loadLadderSettings(db, workspaceId),
    ctx.now,
  );
  if (decision.approve && !checks.every((c) => c.pass))
    throw new AppError('CONFLICT', 'the fan does not meet the leader requirements', { checks });
  const status = decision.approve ? 'approved' : 'rejected';
  const koc = await kocOfContact(db, workspaceId, contactId);
  const at = ctx.now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('leader_applications')
      .set({
        status,
        checks: JSON.stringify(checks),
        reason: decision.reason ?? null,
        reviewed_at: at,
        reviewed_by: ctx.actor,
      })
      .where('id', '=', id)
      .execute();
    if (decision.approve && koc) {
      await recordGroupLeader(trx, workspaceId, koc.id, {
        verdicts: kocVerdicts(checks),
        reason: decision.reason ?? null,
        appliedAt: app.applied_at,
        now: ctx.now,
      });
    }
    await recordAudit(trx, {
      workspaceId,
      actor: ctx.actor,
      action: `ladder.leader.${decision.approve ? 'approve' : 'reject'}`,
      target: String(contactId),
      at: ctx.now,
    });
  });
  if (decision.approve)
    await applyTierChanges(
      db,
      workspaceId,
      [{ contactId, from: 'iron', to: 'leader', rule: 'approval' }],
      [],
      {
        now: ctx.now,
        onListenerError: () => undefined,
      },
    );
  const row = await db
    .selectFrom('leader_applications')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return toApplicationView(row, koc);
}
