// Reads the workspace's new events (a durable cursor in flow_cursors, so no event is lost across restarts
// and none needs an in-process listener): enrolls contacts in flows whose trigger matches, and moves on
// runs waiting for that event. PostgreSQL may commit a lower seq after a higher one was read, so the last
// REREAD seqs are read again; both uses are idempotent (trigger keys, wait start times).
import type { Store } from '../../platform/store/open-store.js';
import { propsMatch, triggerEvent } from './flow-definition.js';
import { addReport, emptyReport } from './advance-runs.js';
import { enrollContacts, type Candidate, type EnrollReport } from './enroll-contacts.js';
import type { LiveFlow, VersionCache } from './live-flows.js';

const REREAD = 200;
/** Events older than this when read (a history import) enroll no one. */
const STALE_MS = 86_400_000;

export async function readEventTriggers(
  store: Store,
  workspaceId: string,
  flows: readonly LiveFlow[],
  now: Date,
  limit: number,
  versions: VersionCache,
): Promise<{ report: EnrollReport; resumed: number; more: boolean }> {
  const { db } = store;
  const report: EnrollReport = { enrolled: 0, ...emptyReport() };
  const cursor = await db
    .selectFrom('flow_cursors')
    .select('events_seq')
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  if (!cursor) {
    // First read: start at the current end, never replay history.
    const max = await db
      .selectFrom('events')
      .select((eb) => eb.fn.max('seq').as('m'))
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();
    await db
      .insertInto('flow_cursors')
      .values({ workspace_id: workspaceId, events_seq: Number(max?.m ?? 0), updated_at: now.toISOString() })
      .onConflict((oc) => oc.column('workspace_id').doNothing())
      .execute();
    return { report, resumed: 0, more: false };
  }
  const high = Number(cursor.events_seq);
  const from = store.dialect === 'postgres' ? Math.max(0, high - REREAD) : high;
  const events = await db
    .selectFrom('events')
    .select(['seq', 'contact_id', 'type', 'at', 'props'])
    .where('workspace_id', '=', workspaceId)
    .where('seq', '>', from)
    .orderBy('seq')
    .limit(limit)
    .execute();
  if (events.length === 0) return { report, resumed: 0, more: false };
  const parsed = events.map((e) => ({
    seq: Number(e.seq),
    contactId: Number(e.contact_id),
    type: e.type,
    at: Number(e.at),
    props: JSON.parse(e.props) as Record<string, unknown>,
  }));

  for (const flow of flows) {
    const want = triggerEvent(flow.def.trigger);
    if (!want) continue;
    const candidates: Candidate[] = parsed
      .filter(
        (e) => e.type === want.type && e.at >= now.getTime() - STALE_MS && propsMatch(want.props, e.props),
      )
      .map((e) => ({ contactId: e.contactId, triggerKey: `e:${e.seq}`, at: new Date(Math.max(e.at, 0)) }));
    if (candidates.length > 0) {
      const r = await enrollContacts(store, flow, candidates, now, versions);
      report.enrolled += r.enrolled;
      addReport(report, r);
    }
  }
  const resumed = await resumeWaiting(store, workspaceId, parsed, now);
  const last = parsed[parsed.length - 1]!.seq;
  if (last > high)
    await db
      .updateTable('flow_cursors')
      .set({ events_seq: last, updated_at: now.toISOString() })
      .where('workspace_id', '=', workspaceId)
      .execute();
  return { report, resumed, more: events.length === limit };
}

/** Runs waiting for one of these events move to their next step, due when the event happened. */
async function resumeWaiting(
  store: Store,
  workspaceId: string,
  events: { contactId: number; type: string; at: number; props: Record<string, unknown> }[],
  now: Date,
): Promise<number> {
  const ids = [...new Set(events.map((e) => e.contactId))];
  let resumed = 0;
  for (let i = 0; i < ids.length; i += 5000) {
    const waiting = await store.db
      .selectFrom('flow_runs')
      .select(['id', 'contact_id', 'step_index', 'waiting_for', 'wait_started_at'])
      .where('workspace_id', '=', workspaceId)
      .where('state', '=', 'waiting')
      .where('contact_id', 'in', ids.slice(i, i + 5000))
      .execute();
    for (const run of waiting) {
      const want = JSON.parse(run.waiting_for ?? '{}') as { type?: string; props?: Record<string, unknown> };
      const started = Date.parse(run.wait_started_at ?? '');
      const hit = events.find(
        (e) =>
          e.contactId === Number(run.contact_id) &&
          e.type === want.type &&
          e.at >= started &&
          propsMatch(want.props, e.props),
      );
      if (!hit) continue;
      const due = new Date(Math.max(hit.at, now.getTime())).toISOString();
      const r = await store.db
        .updateTable('flow_runs')
        .set({
          state: 'active',
          step_index: run.step_index + 1,
          waiting_for: null,
          wait_started_at: null,
          next_due_at: due,
          updated_at: now.toISOString(),
        })
        .where('id', '=', run.id)
        .where('state', '=', 'waiting')
        .executeTakeFirst();
      resumed += Number(r.numUpdatedRows);
    }
  }
  return resumed;
}
