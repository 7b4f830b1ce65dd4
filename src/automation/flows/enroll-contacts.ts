// Enrolls contacts in a flow: audience filter, re-entry rule (never / after N days / always — "always"
// still waits for the contact's current run to end), then one run per contact in bulk. Idempotent on
// (flow, contact, trigger key): a trigger read twice enrolls once.
import { newId } from '../../platform/ids.js';
import type { Store } from '../../platform/store/open-store.js';
import { audienceFilter } from './audience-filter.js';
import type { FlowRunTable } from './flow-tables.js';
import type { LiveFlow } from './live-flows.js';

export interface Candidate {
  /** 0 for a broadcast run. */
  contactId: number;
  triggerKey: string;
  /** The trigger's time: the anchor of the run's relative schedule. */
  at: Date;
}

const LOOKUP_CHUNK = 5000;
// 15 columns: 2000 rows stay under SQLite's 32766 parameters per statement.
const INSERT_CHUNK = 2000;

export async function enrollContacts(
  store: Store,
  flow: LiveFlow,
  candidates: readonly Candidate[],
  now: Date,
): Promise<FlowRunTable[]> {
  const { db } = store;
  // One run per contact per call: the latest trigger wins (earlier ones may be re-reads already enrolled).
  const latest = new Map<number, Candidate>();
  for (const c of candidates) latest.set(c.contactId, c);
  let list = [...latest.values()];
  const filter = await audienceFilter(store, flow.workspaceId, flow.def, now);
  if (filter) list = list.filter((c) => c.contactId === 0 || filter.has(c.contactId));
  if (list.length === 0) return [];

  const blocked = new Set<number>();
  const rule = flow.def.reentry;
  const since =
    typeof rule === 'object' ? new Date(now.getTime() - rule.afterDays * 86_400_000).toISOString() : null;
  for (let i = 0; i < list.length; i += LOOKUP_CHUNK) {
    const ids = list.slice(i, i + LOOKUP_CHUNK).map((c) => c.contactId);
    const rows = await db
      .selectFrom('flow_runs')
      .select(['contact_id', 'state', 'enrolled_at'])
      .where('flow_id', '=', flow.id)
      .where('contact_id', 'in', ids)
      .execute();
    for (const r of rows) {
      const going = r.state === 'active' || r.state === 'waiting';
      if (rule === 'never' || going || (since !== null && r.enrolled_at > since))
        blocked.add(Number(r.contact_id));
    }
  }
  list = list.filter((c) => !blocked.has(c.contactId));

  const at = now.toISOString();
  const runs: FlowRunTable[] = list.map((c) => {
    const anchor = c.at.toISOString();
    return {
      id: newId('run', now),
      workspace_id: flow.workspaceId,
      flow_id: flow.id,
      version: flow.version,
      contact_id: c.contactId,
      trigger_key: c.triggerKey,
      state: 'active',
      step_index: 0,
      next_due_at: anchor > at ? anchor : at,
      waiting_for: null,
      wait_started_at: null,
      exit_reason: null,
      enrolled_at: anchor,
      updated_at: at,
      ended_at: null,
    };
  });
  const inserted = new Set<string>();
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < runs.length; i += INSERT_CHUNK) {
      const rows = await trx
        .insertInto('flow_runs')
        .values(runs.slice(i, i + INSERT_CHUNK))
        .onConflict((oc) => oc.columns(['flow_id', 'contact_id', 'trigger_key']).doNothing())
        .returning('id')
        .execute();
      for (const r of rows) inserted.add(r.id);
    }
  });
  return inserted.size === runs.length ? runs : runs.filter((r) => inserted.has(r.id));
}
