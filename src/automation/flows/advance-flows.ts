// One pass of the engine ("advance due flow runs"): read triggers (events, tag signals, date/cron), then
// advance the runs whose next step is due, in bounded batches. Every part is idempotent, so a pass cut
// short by a crash is simply done again.
import type { Store } from '../../platform/store/open-store.js';
import { addReport, advanceRuns, emptyReport, type AdvanceReport } from './advance-runs.js';
import type { EnrollReport } from './enroll-contacts.js';
import { readEventTriggers } from './event-triggers.js';
import { activeFlows, VersionCache } from './live-flows.js';
import { fireTimeTriggers, readTagTriggers } from './tag-and-time-triggers.js';

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
  const report: AdvanceFlowsReport = { ...emptyReport(), enrolled: 0, resumed: 0, more: false };
  const add = (r: EnrollReport) => {
    report.enrolled += r.enrolled;
    addReport(report, r);
  };
  const versions = new VersionCache(store.db);
  const flows = await activeFlows(store.db, opts.workspaceId);
  for (const ws of new Set(flows.map((f) => f.workspaceId))) {
    const mine = flows.filter((f) => f.workspaceId === ws);
    const ev = await readEventTriggers(store, ws, mine, now, batch, versions);
    add(ev.report);
    report.resumed += ev.resumed;
    report.more ||= ev.more;
    add(await readTagTriggers(store, ws, mine, now, batch, versions));
  }
  add(await fireTimeTriggers(store, flows, now, versions));

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
    if (due.length > 0) addReport(report, await advanceRuns(store, due, now, versions));
    report.more ||= due.length === batch;
  }
  return report;
}
