// One pass of the engine ("advance due flow runs"): read triggers (events, tag signals, date/cron), then
// advance the runs whose next step is due, in bounded batches. Every part is idempotent, so a pass cut
// short by a crash is simply done again.
import type { Store } from '../../platform/store/open-store.js';
import { advanceRuns, type AdvanceReport } from './advance-runs.js';
import { readEventTriggers } from './event-triggers.js';
import { activeFlows, VersionCache } from './live-flows.js';
import { fireTimeTriggers, readTagTriggers } from './tag-and-time-triggers.js';
import type { FlowRunTable } from './flow-tables.js';

export interface AdvanceFlowsReport extends AdvanceReport {
  enrolled: number;
  resumed: number;
  /** More work was left for the next pass. */
  more: boolean;
}

export async function advanceFlows(
  store: Store,
  now: Date,
  opts: { batchSize?: number; workspaceId?: string } = {},
): Promise<AdvanceFlowsReport> {
  const batch = opts.batchSize ?? 5000;
  const report: AdvanceFlowsReport = {
    advanced: 0,
    touches: 0,
    exited: 0,
    completed: 0,
    enrolled: 0,
    resumed: 0,
    more: false,
  };
  const versions = new VersionCache(store.db);
  const flows = await activeFlows(store.db, opts.workspaceId);
  const add = (r: AdvanceReport) => {
    report.advanced += r.advanced;
    report.touches += r.touches;
    report.exited += r.exited;
    report.completed += r.completed;
  };
  const runNow = async (runs: FlowRunTable[]) => {
    report.enrolled += runs.length;
    const due = runs.filter((r) => r.next_due_at! <= now.toISOString());
    if (due.length > 0) add(await advanceRuns(store, due, now, versions));
  };
  const workspaces = [...new Set(flows.map((f) => f.workspaceId))];
  for (const ws of workspaces) {
    const mine = flows.filter((f) => f.workspaceId === ws);
    const ev = await readEventTriggers(store, ws, mine, now, batch);
    report.resumed += ev.resumed;
    report.more ||= ev.more;
    await runNow(ev.runs);
    await runNow(await readTagTriggers(store, ws, mine, now, batch));
  }
  await fireTimeTriggers(store, flows, now, runNow);

  const ids = flows.map((f) => f.id);
  if (ids.length > 0) {
    let q = store.db
      .selectFrom('flow_runs')
      .selectAll()
      .where('state', 'in', ['active', 'waiting'])
      .where('next_due_at', '<=', now.toISOString())
      .where('flow_id', 'in', ids);
    if (opts.workspaceId) q = q.where('workspace_id', '=', opts.workspaceId);
    const due = await q.orderBy('next_due_at').limit(batch).execute();
    if (due.length > 0) add(await advanceRuns(store, due, now, versions));
    report.more ||= due.length === batch;
  }
  return report;
}
