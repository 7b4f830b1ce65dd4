// Applications for the leader tier (代颜粉): a fan applies (or an operator files it for them), the checks
// are assessed and kept; the listing shows them with the verdicts.
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Db } from '../../platform/store/database.js';
import type { LeaderApplicationTable } from './ladder-tables.js';
import { loadLadderSettings } from './ladder-settings.js';
import { leaderChecks, type LeaderCheck } from './leader-checks.js';
import '../../audience/audience-tables.js';

export interface LeaderApplicationView {
  id: string;
  contactId: number;
  status: string;
  checks: LeaderCheck[];
  note: string | null;
  reason: string | null;
  appliedAt: string;
  reviewedAt: string | null;
  reviewedBy: string | null;
}

export function toApplicationView(r: LeaderApplicationTable): LeaderApplicationView {
  return {
    id: r.id,
    contactId: Number(r.contact_id),
    status: r.status,
    checks: JSON.parse(r.checks) as LeaderCheck[],
    note: r.note,
    reason: r.reason,
    appliedAt: r.applied_at,
    reviewedAt: r.reviewed_at,
    reviewedBy: r.reviewed_by,
  };
}

export async function applyForLeaderTier(
  db: Db,
  workspaceId: string,
  input: { contactId: number; note?: string | null | undefined },
  now: Date,
): Promise<LeaderApplicationView> {
  const contact = await db
    .selectFrom('contacts')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', input.contactId)
    .where('erased_at', 'is', null)
    .executeTakeFirst();
  if (!contact) throw new AppError('NOT_FOUND', `contact ${input.contactId} not found`);
  const open = await db
    .selectFrom('leader_applications')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', input.contactId)
    .where('status', '=', 'applied')
    .executeTakeFirst();
  if (open) throw new AppError('CONFLICT', 'this contact already has an open application', { id: open.id });
  const checks = await leaderChecks(
    db,
    workspaceId,
    input.contactId,
    await loadLadderSettings(db, workspaceId),
    now,
  );
  const row: LeaderApplicationTable = {
    id: newId('lap', now),
    workspace_id: workspaceId,
    contact_id: input.contactId,
    status: 'applied',
    checks: JSON.stringify(checks),
    note: input.note ?? null,
    reason: null,
    applied_at: now.toISOString(),
    reviewed_at: null,
    reviewed_by: null,
  };
  await db.insertInto('leader_applications').values(row).execute();
  return toApplicationView(row);
}

export async function listLeaderApplications(
  db: Db,
  workspaceId: string,
  status?: string,
): Promise<LeaderApplicationView[]> {
  let q = db.selectFrom('leader_applications').selectAll().where('workspace_id', '=', workspaceId);
  if (status) q = q.where('status', '=', status);
  return (await q.orderBy('applied_at', 'desc').limit(500).execute()).map(toApplicationView);
}
