// Group leaders (团长). There is one way to become one: a leader application on the fan ladder
// (../ladder/leader-applications.ts) for the KOC's own contact. Applying for a KOC files that application;
// approving it moves the fan to the leader tier and records the KOC here as an approved group leader,
// with the requirement verdicts it was approved on. This table holds the leaders, not the queue.
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/store/database.js';
import { applyForLeaderTier, type LeaderApplicationView } from '../ladder/leader-applications.js';
import { findKoc } from '../roster/koc-view.js';
import type { LeaderVerdict } from './leader-requirements.js';

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

/** Files the leader application of a KOC's contact (refused for a KOC not linked to its contact). */
export async function applyAsLeader(
  db: Db,
  workspaceId: string,
  kocId: string,
  now: Date,
): Promise<LeaderApplicationView> {
  const koc = await findKoc(db, workspaceId, kocId);
  if (koc.status !== 'active') throw new AppError('CONFLICT', 'only an active KOC can apply to lead a group');
  if (koc.contact_id === null) {
    throw new AppError('CONFLICT', 'link the KOC to its own contact first: the application is that fan’s', {
      field: 'contactId',
    });
  }
  const [leader] = await listLeaders(db, workspaceId, { kocId, status: 'approved' });
  if (leader) throw new AppError('CONFLICT', 'already a group leader');
  return applyForLeaderTier(db, workspaceId, { contactId: Number(koc.contact_id) }, now);
}

/** Records an approved group leader (called inside the approval's transaction). */
export async function recordGroupLeader(
  db: Db,
  workspaceId: string,
  kocId: string,
  opts: { verdicts: LeaderVerdict[]; reason: string | null; appliedAt: string; now: Date },
): Promise<void> {
  const row = {
    status: 'approved',
    verdicts: JSON.stringify(opts.verdicts),
    reason: opts.reason,
    applied_at: opts.appliedAt,
    reviewed_at: opts.now.toISOString(),
  };
  await db
    .insertInto('group_leaders')
    .values({ koc_id: kocId, workspace_id: workspaceId, ...row })
    .onConflict((oc) => oc.column('koc_id').doUpdateSet(row))
    .execute();
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
