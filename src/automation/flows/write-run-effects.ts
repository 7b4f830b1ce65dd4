// Writes one batch's effects in one transaction: tags (through the audience's one tag writer, so the
// change feed and tag triggers follow), human tasks (once per run and step), the runs' new states, and
// the cancellation of touches still pending for runs that exited.
import { ensureTags } from '../../audience/tags/ensure-tags.js';
import { addContactTags, removeContactTags } from '../../audience/tags/write-contact-tags.js';
import { newId } from '../../platform/ids.js';
import type { Store } from '../../platform/store/open-store.js';
import type { FlowRunTable } from './flow-tables.js';
import { insertRuns } from './insert-runs.js';
import type { LiveFlow } from './live-flows.js';
import type { Effects, RunUpdate } from './run-steps.js';

const CHUNK = 5000;

/** `fresh`: new runs, inserted in their new state (else the stored runs are updated). */
export async function writeRunEffects(
  store: Store,
  flow: LiveFlow,
  fresh: readonly FlowRunTable[] | null,
  updates: Map<string, RunUpdate>,
  fx: Effects,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await store.db.transaction().execute(async (trx) => {
    const names = [...fx.tagAdds.keys(), ...fx.tagRemoves.keys()];
    if (names.length > 0) {
      const ids = await ensureTags(trx, flow.workspaceId, names, now);
      for (const [name, contacts] of fx.tagAdds)
        await addContactTags(trx, flow.workspaceId, contacts, [ids.get(name)!], `flow:${flow.id}`, now);
      for (const [name, contacts] of fx.tagRemoves)
        await removeContactTags(trx, flow.workspaceId, contacts, [ids.get(name)!], now);
    }
    for (let i = 0; i < fx.tasks.length; i += 500) {
      const rows = fx.tasks.slice(i, i + 500).map((t) => ({ ...t, id: newId('tsk', now) }));
      await trx
        .insertInto('flow_tasks')
        .values(rows)
        .onConflict((oc) => oc.columns(['run_id', 'step_id']).doNothing())
        .execute();
    }
    // Runs that end in the same place share one UPDATE (a million enrolments move together).
    const same = new Map<string, { u: RunUpdate; ids: string[] }>();
    for (const [id, u] of fresh ? [] : updates) {
      const key = JSON.stringify(u);
      (same.get(key) ?? same.set(key, { u, ids: [] }).get(key)!).ids.push(id);
    }
    const exited: string[] = [];
    for (const { u, ids } of same.values()) {
      if (u.state === 'exited') exited.push(...ids);
      for (let i = 0; i < ids.length; i += CHUNK) {
        await trx
          .updateTable('flow_runs')
          .set({ ...u, updated_at: at })
          .where('id', 'in', ids.slice(i, i + CHUNK))
          .execute();
      }
    }
    // New runs go in last: until they exist, a repeated pass redoes (idempotently) everything above.
    if (fresh) await insertRuns(trx, fresh, { updates, at });
    for (let i = 0; i < exited.length; i += CHUNK) {
      await trx
        .updateTable('touches')
        .set({ state: 'cancelled', last_error: 'flow run exited', updated_at: at })
        .where('flow_run_id', 'in', exited.slice(i, i + CHUNK))
        .where('state', 'in', ['planned', 'held', 'failed'])
        .execute();
    }
  });
}
