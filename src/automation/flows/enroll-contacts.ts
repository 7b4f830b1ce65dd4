// Enrolls contacts in a flow: audience filter, re-entry rule (never / after N days / always — "always"
// still waits for the contact's current run to end), then one run per contact in bulk, whose due first
// steps run at once (planned touches first, then the runs are inserted already moved on: no second write
// of a million rows). Run ids derive from (flow, trigger, contact), so a trigger read twice — or a pass
// cut short by a crash and done again — gives the same runs and the same touch keys.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { inIdList } from '../../platform/store/id-list.js';
import type { Store } from '../../platform/store/open-store.js';
import { advanceRuns, emptyReport, type AdvanceReport } from './advance-runs.js';
import { audienceFilter } from './audience-filter.js';
import type { FlowRunTable } from './flow-tables.js';
import { insertRuns } from './insert-runs.js';
import type { ContactFacts } from './run-facts.js';
import type { LiveFlow, VersionCache } from './live-flows.js';

export interface Candidate {
  /** 0 for a broadcast run. */
  contactId: number;
  triggerKey: string;
  /** The trigger's time: the anchor of the run's relative schedule. */
  at: Date;
}

export interface EnrollReport extends AdvanceReport {
  enrolled: number;
}

export async function enrollContacts(
  store: Store,
  flow: LiveFlow,
  candidates: readonly Candidate[],
  now: Date,
  versions?: VersionCache,
  facts?: Promise<Map<number, ContactFacts>>,
): Promise<EnrollReport> {
  const { db } = store;
  // One run per contact per call: the latest trigger wins (earlier ones may be re-reads already enrolled).
  const latest = new Map<number, Candidate>();
  for (const c of candidates) latest.set(c.contactId, c);
  let list = [...latest.values()];
  const filter = await audienceFilter(store, flow.workspaceId, flow.def, now);
  if (filter) list = list.filter((c) => c.contactId === 0 || filter.has(c.contactId));
  if (list.length === 0) return { enrolled: 0, ...emptyReport() };

  const blocked = new Set<number>();
  const rule = flow.def.reentry;
  const since =
    typeof rule === 'object' ? new Date(now.getTime() - rule.afterDays * 86_400_000).toISOString() : null;
  const rows = await db
    .selectFrom('flow_runs')
    .select(['contact_id', 'state', 'enrolled_at'])
    .where('flow_id', '=', flow.id)
    .where(
      inIdList(
        db,
        sql`contact_id`,
        list.map((c) => c.contactId),
      ),
    )
    .execute();
  for (const r of rows) {
    const going = r.state === 'active' || r.state === 'waiting';
    if (rule === 'never' || going || (since !== null && r.enrolled_at > since))
      blocked.add(Number(r.contact_id));
  }
  list = list.filter((c) => !blocked.has(c.contactId));

  const at = now.toISOString();
  const prefixes = new Map<string, string>();
  const prefix = (key: string) => {
    let p = prefixes.get(key);
    if (p === undefined)
      prefixes.set(
        key,
        (p = `run_${createHash('sha256').update(`${flow.id}|${key}`).digest('base64url').slice(0, 16)}_`),
      );
    return p;
  };
  let lastAt: Date | null = null;
  let anchor = '';
  const runs: FlowRunTable[] = list.map((c) => {
    if (c.at !== lastAt) anchor = (lastAt = c.at).toISOString(); // a chunk's candidates share their time
    return {
      id: prefix(c.triggerKey) + c.contactId,
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
  await insertRuns(
    store.db,
    runs.filter((r) => r.next_due_at! > at),
  );
  const due = runs.filter((r) => r.next_due_at! <= at);
  const report =
    due.length > 0 ? await advanceRuns(store, due, now, versions, { fresh: true, facts }) : emptyReport();
  return { enrolled: runs.length, ...report };
}
