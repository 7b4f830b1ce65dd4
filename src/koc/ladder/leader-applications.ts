// Applications for the leader tier (代颜粉): a fan applies (or an operator files it for them), the checks
// are assessed and kept; the listing shows them with the verdicts and, for a fan who is a KOC, that KOC
// (which becomes a group leader on approval).
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Db } from '../../platform/store/database.js';
import type { LeaderApplicationTable } from './ladder-tables.js';
import { loadLadderSettings } from './ladder-settings.js';
import { kocOfContact, leaderChecks, type LeaderCheck } from './leader-checks.js';
import '../../audience/audience-tables.js';
import '../roster/koc-tables.js';

export interface LeaderApplicationView {
  id: string;
  contactId: number;
  /** The fan's KOC, if it is one. */
  koc: { id: string; name: string } | null;
  status: string;
  checks: LeaderCheck[];
  note: string | null;
  reason: string | null;
  appliedAt: string;
  reviewedAt: string | null;
  reviewedBy: string | null;
}

export function toApplicationView(
  r: LeaderApplicationTable,
  koc: { id: string; name: string } | null | undefined,
): LeaderApplicationView {
  return {
    id: r.id,
    contactId: Number(r.contact_id),
    koc: koc ?? null,
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
  return toApplicationView(row, await kocOfContact(db, workspaceId, input.contactId));
}

/** Applications, newest first; `kocId` narrows to the applications of that KOC's contact. */
export async function listLeaderApplications(
  db: Db,
  workspaceId: string,
  opts: { status?: string | undefined; kocId?: string | undefined } = {},
): Promise<LeaderApplicationView[]> {
  let q = db
    .selectFrom('leader_applications as a')
    .leftJoin('kocs as k', (j) =>
      j
        .onRef('k.contact_id', '=', 'a.contact_id')
        .onRef('k.workspace_id', '=', 'a.workspace_id')
        .on('k.status', '!=', 'removed'),
    )
    .selectAll('a')
    .select(['k.id as koc_id', 'k.name as koc_name'])
    .where('a.workspace_id', '=', workspaceId);
  if (opts.status) q = q.where('a.status', '=', opts.status);
  if (opts.kocId !== undefined) q = q.where('k.id', '=', opts.kocId);
  const rows = await q.orderBy('a.applied_at', 'desc').orderBy('a.id').orderBy('k.id').limit(500).execute();
  // A contact linked to two KOCs would list its application twice: the first KOC (as kocOfContact) wins.
  const seen = new Set<string>();
  return rows
    .filter((r) => !seen.has(r.id) && seen.add(r.id))
    .map(({ koc_id, koc_name, ...r }) =>
      toApplicationView(r, koc_id && koc_name ? { id: koc_id, name: koc_name } : null),
    );
}
