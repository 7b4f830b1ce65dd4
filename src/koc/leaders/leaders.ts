// Group leader applications: a KOC applies (assessed against the requirements), an operator approves or
// rejects with a reason; listing shows the verdicts.
import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/store/database.js';
import { findKoc } from '../roster/koc-view.js';
import { assessLeader, type LeaderVerdict } from './leader-requirements.js';

export interface LeaderView {
  kocId: string;
  name: string;
  status: string;
  verdicts: LeaderVerdict[];
  meetsRequirements: boolean;
  reason: string | null;
  appliedAt: string;
  reviewedAt: string | null;
}

export async function applyForLeader(
  db: Db,
  workspaceId: string,
  kocId: string,
  now: Date,
): Promise<LeaderView> {
  const koc = await findKoc(db, workspaceId, kocId);
  if (koc.status !== 'active') throw new AppError('CONFLICT', 'only an active KOC can apply to lead a group');
  const verdicts = await assessLeader(db, workspaceId, kocId);
  const existing = await db
    .selectFrom('group_leaders')
    .select('status')
    .where('koc_id', '=', kocId)
    .executeTakeFirst();
  if (existing && existing.status !== 'rejected') {
    throw new AppError(
      'CONFLICT',
      `already ${existing.status === 'approved' ? 'a group leader' : 'applied'}`,
    );
  }
  const row = {
    status: 'applied',
    verdicts: JSON.stringify(verdicts),
    reason: null,
    applied_at: now.toISOString(),
    reviewed_at: null,
  };
  if (existing) await db.updateTable('group_leaders').set(row).where('koc_id', '=', kocId).execute();
  else
    await db
      .insertInto('group_leaders')
      .values({ koc_id: kocId, workspace_id: workspaceId, ...row })
      .execute();
  return (await listLeaders(db, workspaceId, { kocId }))[0]!;
}

export async function reviewLeader(
  db: Db,
  workspaceId: string,
  kocId: string,
  decision: 'approve' | 'reject',
  opts: { actor: string; reason?: string | undefined; now: Date },
): Promise<LeaderView> {
  if (decision === 'reject' && !opts.reason)
    throw new AppError('VALIDATION', 'give a reason to reject', { field: 'reason' });
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('group_leaders')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('koc_id', '=', kocId)
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', 'no group leader application for this KOC');
    if (row.status !== 'applied') throw new AppError('CONFLICT', `the application is already ${row.status}`);
    // Re-assessed at review: the figures may have moved since the application.
    const verdicts = await assessLeader(trx, workspaceId, kocId);
    if (decision === 'approve' && !verdicts.every((v) => v.pass)) {
      throw new AppError('CONFLICT', 'the KOC does not meet the group leader requirements', { verdicts });
    }
    await trx
      .updateTable('group_leaders')
      .set({
        status: decision === 'approve' ? 'approved' : 'rejected',
        verdicts: JSON.stringify(verdicts),
        reason: opts.reason ?? null,
        reviewed_at: opts.now.toISOString(),
      })
      .where('koc_id', '=', kocId)
      .execute();
    await recordAudit(trx, {
      workspaceId,
      actor: opts.actor,
      action: `leader.${decision}`,
      target: kocId,
      at: opts.now,
    });
  });
  return (await listLeaders(db, workspaceId, { kocId }))[0]!;
}

export async function listLeaders(
  db: Db,
  workspaceId: string,
  opts: { status?: string | undefined; kocId?: string | undefined } = {},
): Promise<LeaderView[]> {
  let q = db
    .selectFrom('group_leaders as g')
    .innerJoin('kocs as k', 'k.id', 'g.koc_id')
    .selectAll('g')
    .select('k.name')
    .where('g.workspace_id', '=', workspaceId)
    .orderBy('g.applied_at', 'desc');
  if (opts.status) q = q.where('g.status', '=', opts.status);
  if (opts.kocId !== undefined) q = q.where('g.koc_id', '=', opts.kocId);
  return (await q.execute()).map((r) => {
    const verdicts = JSON.parse(r.verdicts) as LeaderVerdict[];
    return {
      kocId: r.koc_id,
      name: r.name,
      status: r.status,
      verdicts,
      meetsRequirements: verdicts.every((v) => v.pass),
      reason: r.reason,
      appliedAt: r.applied_at,
      reviewedAt: r.reviewed_at,
    };
  });
}
