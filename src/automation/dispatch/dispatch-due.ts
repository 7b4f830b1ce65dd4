// One dispatch round: claim due touches (state → sending with a lease, BEFORE any channel call), judge
// them by the guardrails, send the rest, record each result. A crash after the claim leaves the touch in
// `sending`; when the lease passes it becomes `unknown` and is reconciled, never blindly resent.
import type { SendResult } from '../../channels/channel.js';
import { backoffDelay } from '../../platform/jobs/job.js';
import { evaluateGuardrails } from '../guardrails/evaluate-guardrails.js';
import { loadGuardContext } from '../guardrails/load-guard-context.js';
import type { TouchTable } from './dispatch-tables.js';
import type { DispatchDeps } from './dispatch-deps.js';
import { emitTouchEvents } from './emit-touch-events.js';
import { claimTouches, toOutbound, updateTouches, type TouchUpdate } from './touch-store.js';

export interface DispatchReport {
  claimed: number;
  sent: number;
  awaiting: number;
  retrying: number;
  dead: number;
  held: number;
  cancelled: number;
  unknown: number;
}

const MAX_RETRY_MS = 6 * 3_600_000;

export async function dispatchDue(deps: DispatchDeps): Promise<DispatchReport> {
  const report: DispatchReport = {
    claimed: 0,
    sent: 0,
    awaiting: 0,
    retrying: 0,
    dead: 0,
    held: 0,
    cancelled: 0,
    unknown: 0,
  };
  const { db } = deps.store;
  const now = deps.clock.now();
  const claimed = await claimTouches(db, deps.store.dialect === 'postgres', {
    owner: deps.workerId,
    now,
    leaseMs: deps.leaseMs,
    limit: deps.batchSize,
  });
  report.claimed = claimed.length;
  if (claimed.length === 0) return report;

  const context = await loadGuardContext(db, claimed, now);
  const decisions = await evaluateGuardrails(claimed, context, deps.counters, now, deps.random);
  const updates: TouchUpdate[] = [];
  const toSend: TouchTable[] = [];
  claimed.forEach((t, i) => {
    const d = decisions[i]!;
    if (d.kind === 'send') toSend.push(t);
    else if (d.kind === 'hold') {
      report.held++;
      const until = d.until.toISOString();
      updates.push({ id: t.id, state: 'held', dueAt: until, heldReason: d.reason, heldUntil: until });
    } else {
      report.cancelled++;
      updates.push({ id: t.id, state: 'cancelled', lastError: d.reason, heldReason: null, heldUntil: null });
    }
  });

  const results = await Promise.all(
    toSend.map(async (t): Promise<SendResult | Error> => {
      try {
        return await deps.channel(await deps.accountKind(t.account_id)).send(toOutbound(t));
      } catch (e) {
        return e instanceof Error ? e : new Error(String(e));
      }
    }),
  );
  const doneAt = deps.clock.now();
  const sent: TouchTable[] = [];
  toSend.forEach((t, i) => {
    const r = results[i]!;
    updates.push(outcome(deps, t, r, doneAt, report));
    if (!(r instanceof Error) && r.status === 'sent') sent.push(t);
  });
  await updateTouches(db, updates, doneAt, { fromState: 'sending', owner: deps.workerId });
  await emitTouchEvents(db, deps.logger, sent, doneAt);
  return report;
}

function outcome(
  deps: DispatchDeps,
  t: TouchTable,
  r: SendResult | Error,
  now: Date,
  report: DispatchReport,
): TouchUpdate {
  const cleared = { heldReason: null, heldUntil: null };
  if (r instanceof Error) {
    // The channel may or may not have received it: reconcile through lookup, do not resend.
    report.unknown++;
    return { id: t.id, state: 'unknown', lastError: `send threw: ${r.message}`, ...cleared };
  }
  if (r.status === 'sent') {
    report.sent++;
    const at = now.toISOString();
    return { id: t.id, state: 'sent', channelRef: r.channelRef, sentAt: at, lastError: null, ...cleared };
  }
  if (r.status === 'awaiting_confirmation') {
    report.awaiting++;
    const next = new Date(now.getTime() + deps.confirmationPollMs).toISOString();
    return { id: t.id, state: 'awaiting_confirmation', channelRef: r.channelRef, dueAt: next, ...cleared };
  }
  const attempts = t.attempts + 1;
  if (r.permanent || attempts >= deps.maxAttempts) {
    report.dead++;
    const why = r.permanent ? 'permanent failure' : `gave up after ${attempts} attempts`;
    return { id: t.id, state: 'dead', attempts, lastError: `${why}: ${r.error}`, ...cleared };
  }
  report.retrying++;
  const delay = Math.max(
    r.retryAfterMs ?? 0,
    backoffDelay(attempts, deps.retryBaseMs, MAX_RETRY_MS, deps.random),
  );
  const due = new Date(now.getTime() + delay).toISOString();
  return { id: t.id, state: 'failed', attempts, dueAt: due, lastError: r.error, ...cleared };
}
