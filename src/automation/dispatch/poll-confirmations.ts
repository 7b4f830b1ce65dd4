// Assisted channels (WeCom mass-send tasks staff must confirm): asks whether touches awaiting
// confirmation were sent, failed, or still wait (asked again after the poll interval).
import type { DispatchDeps } from './dispatch-deps.js';
import { toOutbound, updateTouches, type TouchUpdate } from './touch-store.js';

export async function pollConfirmations(deps: DispatchDeps, limit = 500): Promise<number> {
  const now = deps.clock.now();
  const rows = await deps.store.db
    .selectFrom('touches')
    .selectAll()
    .where('state', '=', 'awaiting_confirmation')
    .where('due_at', '<=', now.toISOString())
    .limit(limit)
    .execute();
  if (rows.length === 0) return 0;
  const updates: TouchUpdate[] = [];
  for (const t of rows) {
    const channel = deps.channel(await deps.accountKind(t.account_id));
    const next = new Date(now.getTime() + deps.confirmationPollMs).toISOString();
    if (!channel.confirmation) {
      updates.push({ id: t.id, state: 'awaiting_confirmation', dueAt: next });
      continue;
    }
    const r = await channel
      .confirmation({ ...toOutbound(t), channelRef: t.channel_ref ?? '' })
      .catch((e: unknown) => ({ status: 'awaiting_confirmation' as const, error: String(e) }));
    if (r.status === 'sent')
      updates.push({ id: t.id, state: 'sent', sentAt: now.toISOString(), lastError: null });
    else if (r.status === 'failed') {
      updates.push({ id: t.id, state: 'dead', lastError: `staff did not send it: ${r.error ?? 'failed'}` });
    } else updates.push({ id: t.id, state: 'awaiting_confirmation', dueAt: next });
  }
  return updateTouches(deps.store.db, updates, now, { fromState: 'awaiting_confirmation' });
}
