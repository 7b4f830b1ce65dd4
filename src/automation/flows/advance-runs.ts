// Advances a batch of due runs: exits those whose contact opted out, was erased or left the audience,
// moves the rest through their steps, then writes the effects. Touches are planned FIRST (idempotent on
// `${runId}:${stepId}:${contactId}`), the run states after: a crash in between repeats steps harmlessly.
import { audienceIndexFor } from '../../audience/index/audience-index.js';
import type { Bitmap } from '../../audience/segments/bitmap.js';
import type { Store } from '../../platform/store/open-store.js';
import { planTouches } from '../dispatch/plan-touches.js';
import { audienceFilter } from './audience-filter.js';
import { loadScripts } from './flow-content.js';
import type { FlowRunTable } from './flow-tables.js';
import { contactFacts, eventsInWindows, type ContactFacts } from './run-facts.js';
import { newEffects, runSteps, type Effects, type RunUpdate, type StepContext } from './run-steps.js';
import { VersionCache, type LiveFlow } from './live-flows.js';
import { writeRunEffects } from './write-run-effects.js';

export interface AdvanceReport {
  advanced: number;
  touches: number;
  exited: number;
  completed: number;
}

export function emptyReport(): AdvanceReport {
  return { advanced: 0, touches: 0, exited: 0, completed: 0 };
}

export function addReport(to: AdvanceReport, r: AdvanceReport): void {
  to.advanced += r.advanced;
  to.touches += r.touches;
  to.exited += r.exited;
  to.completed += r.completed;
}

/**
 * `fresh`: the runs are new (not yet stored) and are inserted in their new state. `facts`: their contacts'
 * facts, read ahead by the caller (see contactFacts).
 */
export async function advanceRuns(
  store: Store,
  runs: readonly FlowRunTable[],
  now: Date,
  versions = new VersionCache(store.db),
  opts: { fresh?: boolean; facts?: Promise<Map<number, ContactFacts>> } = {},
): Promise<AdvanceReport> {
  const report = emptyReport();
  const groups = new Map<string, FlowRunTable[]>();
  for (const r of runs) {
    const key = `${r.flow_id}@${r.version}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(r);
  }
  for (const group of groups.values()) {
    const flow = await versions.get(group[0]!.flow_id, group[0]!.version);
    if (!flow || flow.status !== 'active') continue; // paused: runs wait where they are
    const fx = newEffects();
    const updates = await stepGroup(store, flow, group, now, fx, opts.facts);
    const planned = await planTouches(store.db, fx.touches, now);
    report.touches += planned.planned;
    await writeRunEffects(store, flow, opts.fresh ? group : null, updates, fx, now);
    report.advanced += group.length;
    for (const u of updates.values()) {
      if (u.state === 'exited') report.exited++;
      if (u.state === 'completed') report.completed++;
    }
  }
  return report;
}

async function stepGroup(
  store: Store,
  flow: LiveFlow,
  runs: FlowRunTable[],
  now: Date,
  fx: Effects,
  prefetched?: Promise<Map<number, ContactFacts>>,
): Promise<Map<string, RunUpdate>> {
  const { db } = store;
  const def = flow.def;
  const contactIds = runs.map((r) => Number(r.contact_id)).filter((id) => id > 0);
  const facts = await (prefetched ?? contactFacts(store, flow.workspaceId, contactIds));
  const filter = await audienceFilter(store, flow.workspaceId, def, now);
  const scriptIds = def.steps.flatMap((s) => ('script' in s && s.script ? [s.script] : []));
  const scripts = await loadScripts(db, flow.workspaceId, scriptIds);
  const account =
    def.account ??
    (
      await db
        .selectFrom('channel_accounts')
        .select('id')
        .where('workspace_id', '=', flow.workspaceId)
        .orderBy('created_at')
        .executeTakeFirst()
    )?.id ??
    null;
  const segments = new Map<string, Bitmap>();
  for (const s of def.steps)
    if (s.type === 'branch' && s.if && !segments.has(s.if))
      segments.set(s.if, await audienceIndexFor(store).bitmap(flow.workspaceId, s.if, { at: now }));
  const events = await eventsInWindows(db, flow, contactIds, now);

  const updates = new Map<string, RunUpdate>();
  const at = now.toISOString();
  const ctx: StepContext = {
    flow,
    now,
    at,
    accountId: account,
    scripts,
    inSegment: (e, c) => segments.get(e)?.has(c) ?? false,
    hadEvent: (i, c) => events.get(i)?.has(c) ?? false,
    dueMemo: new Map(),
  };
  const workspace = { name: flow.workspaceName };
  for (const run of runs) {
    const id = Number(run.contact_id);
    // The facts (name, city) are the contact's render context as they are.
    let contact: ContactFacts | null = null;
    if (id > 0) {
      const f = facts.get(id);
      const reason = !f
        ? 'erased'
        : f.optedOut
          ? 'opted_out'
          : filter && !filter.has(id)
            ? 'left_audience'
            : null;
      if (reason) {
        updates.set(run.id, exitedAt(run, reason, at));
        continue;
      }
      contact = f!;
    }
    updates.set(run.id, runSteps(run, ctx, { contact, workspace }, fx));
  }
  return updates;
}

function exitedAt(run: FlowRunTable, reason: string, at: string): RunUpdate {
  return {
    state: 'exited',
    step_index: run.step_index,
    next_due_at: null,
    waiting_for: null,
    wait_started_at: null,
    exit_reason: reason,
    ended_at: at,
  };
}
