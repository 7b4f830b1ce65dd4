// Tag added/removed triggers (from the tag writer's signals) and date/cron triggers (the audience, or one
// broadcast run, enrolled when the flow's next fire time passes, in the workspace's time zone).
import type { Store } from '../../platform/store/open-store.js';
import { audienceMembers } from './audience-filter.js';
import { isBroadcast } from './flow-definition.js';
import { nextFire } from './flow-store.js';
import { enrollContacts } from './enroll-contacts.js';
import type { FlowRunTable } from './flow-tables.js';
import type { LiveFlow } from './live-flows.js';
import { deleteTagSignals, readTagSignals } from './tag-signals.js';

export async function readTagTriggers(
  store: Store,
  workspaceId: string,
  flows: readonly LiveFlow[],
  now: Date,
  limit: number,
): Promise<FlowRunTable[]> {
  const signals = await readTagSignals(store.db, workspaceId, limit);
  if (signals.length === 0) return [];
  const tagged = flows.filter(
    (f) => f.def.trigger.type === 'tag_added' || f.def.trigger.type === 'tag_removed',
  );
  const runs: FlowRunTable[] = [];
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
      if (hits.length > 0)
        runs.push(
          ...(await enrollContacts(
            store,
            flow,
            hits.map((s) => ({ contactId: s.contactId, triggerKey: `t:${s.seq}`, at: new Date(s.at) })),
            now,
          )),
        );
    }
  }
  await deleteTagSignals(
    store.db,
    signals.map((s) => s.seq),
  );
  return runs;
}

/** Fires due date/cron flows; `onRuns` receives each chunk of enrolled runs (a million at once would not fit a batch). */
export async function fireTimeTriggers(
  store: Store,
  flows: readonly LiveFlow[],
  now: Date,
  onRuns: (runs: FlowRunTable[]) => Promise<void>,
  chunk = 50_000,
): Promise<number> {
  let enrolled = 0;
  for (const flow of flows) {
    if (!flow.nextFireAt || flow.nextFireAt > now.toISOString()) continue;
    const firedAt = new Date(flow.nextFireAt);
    const key = `d:${flow.nextFireAt}`;
    const ids = isBroadcast(flow.def) ? [0] : await audienceMembers(store, flow.workspaceId, flow.def, now);
    for (let i = 0; i < ids.length; i += chunk) {
      const runs = await enrollContacts(
        store,
        flow,
        ids.slice(i, i + chunk).map((contactId) => ({ contactId, triggerKey: key, at: firedAt })),
        now,
      );
      enrolled += runs.length;
      await onRuns(runs);
    }
    const next = nextFire(flow.def.trigger, new Date(Math.max(now.getTime(), firedAt.getTime())), flow.tz);
    await store.db
      .updateTable('flows')
      .set({ next_fire_at: next?.toISOString() ?? null })
      .where('id', '=', flow.id)
      .where('next_fire_at', '=', flow.nextFireAt)
      .execute();
  }
  return enrolled;
}
