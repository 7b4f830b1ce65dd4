// Touches whose sender died mid-send: `sending` past its lease becomes `unknown`, then each is asked of
// its channel. Sent → sent. not_found (the channel proves it never arrived, e.g. the simulator) → planned
// again. A channel that cannot tell ('unknown') leaves it for an operator (held_reason says so).
import type { LookupResult } from '../../channels/channel.js';
import { sql } from 'kysely';
import type { DispatchDeps } from './dispatch-deps.js';
import type { TouchTable } from './dispatch-tables.js';
import { toOutbound, updateTouches, type TouchUpdate } from './touch-store.js';

export const NEEDS_OPERATOR = 'needs_operator: the channel cannot tell whether this was delivered';

export async function expireLeases(deps: DispatchDeps): Promise<number> {
  const now = deps.clock.now().toISOString();
  const r = await sql`update touches set state = 'unknown', updated_at = ${now}, lease_owner = null
    where state = 'sending' and lease_until < ${now}`.execute(deps.store.db);
  return Number(r.numAffectedRows ?? 0);
}

export interface ReconcileReport {
  reconciled: number;
  sent: number;
  replanned: number;
  needOperator: number;
}

export async function reconcileUnknown(deps: DispatchDeps, limit = 500): Promise<ReconcileReport> {
  const report: ReconcileReport = { reconciled: 0, sent: 0, replanned: 0, needOperator: 0 };
  const rows: TouchTable[] = await deps.store.db
    .selectFrom('touches')
    .selectAll()
    .where('state', '=', 'unknown')
    .where('held_reason', 'is', null)
    .limit(limit)
    .execute();
  if (rows.length === 0) return report;
  const answers = await Promise.all(
    rows.map(async (t): Promise<LookupResult> => {
      try {
        return await deps.channel(await deps.accountKind(t.account_id)).lookup(toOutbound(t));
      } catch {
        return { status: 'unknown' };
      }
    }),
  );
  const now = deps.clock.now();
  const updates: TouchUpdate[] = rows.map((t, i) => {
    const a = answers[i]!;
    if (a.status === 'sent' || a.status === 'awaiting_confirmation') {
      report.sent++;
      return {
        id: t.id,
        state: a.status,
        channelRef: a.channelRef,
        ...(a.status === 'sent' ? { sentAt: now.toISOString() } : { dueAt: now.toISOString() }),
        lastError: null,
      };
    }
    if (a.status === 'not_found') {
      report.replanned++;
      return {
        id: t.id,
        state: 'planned',
        dueAt: now.toISOString(),
        lastError: 'reconciled: never reached the channel',
      };
    }
    report.needOperator++;
    return { id: t.id, state: 'unknown', heldReason: NEEDS_OPERATOR, heldUntil: null };
  });
  report.reconciled = await updateTouches(deps.store.db, updates, now, { fromState: 'unknown' });
  return report;
}
