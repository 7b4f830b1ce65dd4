// Tag added/removed triggers (from the tag writer's signals) and date/cron triggers (the audience, or one
// broadcast run, enrolled when the flow's next fire time passes, in the workspace's time zone).
import type { Store } from '../../platform/store/open-store.js';
import { addReport, emptyReport } from './advance-runs.js';
import { audienceMembers } from './audience-filter.js';
import { enrollContacts, type EnrollReport } from './enroll-contacts.js';
import { isBroadcast } from './flow-definition.js';
import { nextFire } from './flow-store.js';
import { contactFacts } from './run-facts.js';
import type { LiveFlow, VersionCache } from './live-flows.js';
import { deleteTagSignals, readTagSignals } from './tag-signals.js';

export async function readTagTriggers(
  store: Store,
  workspaceId: string,
  flows: readonly LiveFlow[],
  now: Date,
  limit: number,
  versions: VersionCache,
): Promise<EnrollReport> {
  const report: EnrollReport = { enrolled: 0, ...emptyReport() };
  const signals = await readTagSignals(store.db, workspaceId, limit);
  if (signals.length === 0) return report;
  const tagged = flows.filter(
    (f) => f.def.trigger.type === 'tag_added' || f.def.trigger.type === 'tag_removed',
  );
  if (tagged.length > 0) {
    const tags = await store.db
      .selectFrom('tags')
      .select(['id', 'name'])
      .where('workspace_id', '=', workspaceId)
      .execute();
    const idOf = new Map(tags.map((t) => [t.name, t.id]));
    for (const flow of tagged) {
      const t = flow.def.trigger as { type: string; tag: string };
      const tagId = idOf.get(t.tag);
      const hits = signals.filter((s) => s.kind === t.type && s.tagId === tagId);
      if (hits.length === 0) continue;
      const candidates = hits.map((s) => ({
        contactId: s.contactId,
        triggerKey: `t:${s.seq}`,
        at: new Date(s.at),
      }));
      const r = await enrollContacts(store, flow, candidates, now, versions);
      report.enrolled += r.enrolled;
      addReport(report, r);
    }
  }
  await deleteTagSignals(
    store.db,
    signals.map((s) => s.seq),
  );
  return report;
}

/**
 * Fires due date/cron flows, enrolling the audience a chunk at a time: 10,000 contacts, whose runs, touches
 * and rows die young (at 50,000 they outlive V8's young generation: 1M enrolments took ~2 s longer).
 */
export async function fireTimeTriggers(
  store: Store,
  flows: readonly LiveFlow[],
  now: Date,
  versions: VersionCache,
  chunk = 10_000,
): Promise<EnrollReport> {
  const report: EnrollReport = { enrolled: 0, ...emptyReport() };
  for (const flow of flows) {
    if (!flow.nextFireAt || flow.nextFireAt > now.toISOString()) continue;
    const firedAt = new Date(flow.nextFireAt);
    const key = `d:${flow.nextFireAt}`;
    const ids = isBroadcast(flow.def) ? [0] : await audienceMembers(store, flow.workspaceId, flow.def, now);
    // Each chunk's contact facts are read (off this thread on SQLite) while the chunk before is written.
    const factsOf = (i: number) => {
      if (i >= ids.length) return undefined;
      const read = contactFacts(store, flow.workspaceId, ids.slice(i, i + chunk));
      read.catch(() => undefined); // a chunk that fails first leaves this read unawaited: no unhandled rejection
      return read;
    };
    let facts = factsOf(0);
    for (let i = 0; i < ids.length; i += chunk) {
      const candidates = ids
        .slice(i, i + chunk)
        .map((contactId) => ({ contactId, triggerKey: key, at: firedAt }));
      const mine = facts;
      facts = factsOf(i + chunk);
      const r = await enrollContacts(store, flow, candidates, now, versions, mine);
      report.enrolled += r.enrolled;
      addReport(report, r);
    }
    const next = nextFire(flow.def.trigger, new Date(Math.max(now.getTime(), firedAt.getTime())), flow.tz);
    await store.db
      .updateTable('flows')
      .set({ next_fire_at: next?.toISOString() ?? null })
      .where('id', '=', flow.id)
      .where('next_fire_at', '=', flow.nextFireAt)
      .execute();
  }
  return report;
}
