// Moves one run through its steps as far as `now` allows, collecting what the steps do (touches to plan,
// tags, tasks) instead of doing it: the caller writes a whole batch's effects at once. Pure.
import type { PlannedTouch } from '../dispatch/plan-touches.js';
import type { RenderContext } from '../../content/render-template.js';
import type { FlowStep } from './flow-definition.js';
import { stepContent, type LoadedScript } from './flow-content.js';
import type { FlowRunTable, FlowTaskTable, RunState } from './flow-tables.js';
import type { LiveFlow } from './live-flows.js';
import { dueAt, parseDuration, parseSchedule } from './schedule.js';

export interface StepContext {
  flow: LiveFlow;
  now: Date;
  accountId: string | null;
  /** `now` as stored. */
  at: string;
  scripts: Map<string, LoadedScript>;
  /** Segment conditions of branch steps, evaluated for the batch. */
  inSegment(expr: string, contactId: number): boolean;
  /** Branch `ifEvent`: did the contact have a matching event in the window ending now. */
  hadEvent(stepIndex: number, contactId: number): boolean;
  /** Due times by schedule and anchor: runs enrolled together share them (time zone math is costly). */
  dueMemo: Map<string, { date: Date; iso: string }>;
}

export interface Effects {
  touches: PlannedTouch[];
  tagAdds: Map<string, number[]>;
  tagRemoves: Map<string, number[]>;
  tasks: Omit<FlowTaskTable, 'id'>[];
}

export type RunUpdate = Pick<
  FlowRunTable,
  'state' | 'step_index' | 'next_due_at' | 'waiting_for' | 'wait_started_at' | 'exit_reason' | 'ended_at'
>;

export function newEffects(): Effects {
  return { touches: [], tagAdds: new Map(), tagRemoves: new Map(), tasks: [] };
}

export function runSteps(
  run: FlowRunTable,
  ctx: StepContext,
  context: RenderContext,
  fx: Effects,
): RunUpdate {
  const { flow, now } = ctx;
  const steps = flow.def.steps;
  const contactId = Number(run.contact_id);
  let i = run.step_index;
  let waiting = run.waiting_for;
  // A branch looping back to an undelayed step must not spin: at most one pass over the steps per call.
  for (let budget = steps.length + 1; budget > 0; budget--) {
    const step = steps[i];
    if (!step) return ended(ctx, i, 'completed', null);
    if (step.at) {
      const d = due(ctx, step.at, run.enrolled_at);
      if (d.date > now) return paused(i, d.iso);
    }
    if (step.type === 'send' || step.type === 'group' || step.type === 'moment') {
      if (!plan(run, step, ctx, context, fx))
        return ended(ctx, i, 'exited', step.script ? `missing_script:${step.script}` : 'no_account');
      i++;
    } else if (step.type === 'tag') {
      if (contactId > 0) {
        for (const t of step.add) (fx.tagAdds.get(t) ?? fx.tagAdds.set(t, []).get(t)!).push(contactId);
        for (const t of step.remove)
          (fx.tagRemoves.get(t) ?? fx.tagRemoves.set(t, []).get(t)!).push(contactId);
      }
      i++;
    } else if (step.type === 'task') {
      fx.tasks.push({
        workspace_id: flow.workspaceId,
        flow_id: flow.id,
        run_id: run.id,
        step_id: step.id,
        contact_id: contactId || null,
        title: step.title,
        assignee: step.assignee ?? null,
        due_at: new Date(now.getTime() + parseDuration(step.due)!).toISOString(),
        status: 'open',
        note: null,
        created_at: ctx.at,
        completed_at: null,
        completed_by: null,
      });
      i++;
    } else if (step.type === 'wait') {
      if (step.until) {
        const d = due(ctx, step.until, run.enrolled_at);
        if (d.date > now) return paused(i, d.iso);
      }
      if (!step.event) {
        i++;
        continue;
      }
      if (waiting === null) {
        const timeout = new Date(now.getTime() + parseDuration(step.timeout!)!);
        return paused(
          i,
          timeout.toISOString(),
          'waiting',
          JSON.stringify({ type: step.event.type, props: step.event.props ?? {} }),
          ctx.at,
        );
      }
      // Due while still waiting: the timeout passed (a matching event would have moved the run on).
      waiting = null;
      i = target(steps, i, step.onTimeout ?? 'next');
    } else {
      const yes = step.if ? ctx.inSegment(step.if, contactId) : ctx.hadEvent(i, contactId);
      i = target(steps, i, yes ? step.then : step.else);
    }
  }
  return paused(i, new Date(now.getTime() + 3_600_000).toISOString());
}

function ended(ctx: StepContext, i: number, state: RunState, reason: string | null): RunUpdate {
  return {
    state,
    step_index: i,
    next_due_at: null,
    waiting_for: null,
    wait_started_at: null,
    exit_reason: reason,
    ended_at: ctx.at,
  };
}

function paused(
  i: number,
  dueIso: string,
  state: RunState = 'active',
  waitingFor: string | null = null,
  waitStarted: string | null = null,
): RunUpdate {
  return {
    state,
    step_index: i,
    next_due_at: dueIso,
    waiting_for: waitingFor,
    wait_started_at: waitStarted,
    exit_reason: null,
    ended_at: null,
  };
}

function due(ctx: StepContext, schedule: string, anchor: string): { date: Date; iso: string } {
  const key = `${schedule}|${anchor}`;
  let d = ctx.dueMemo.get(key);
  if (!d) {
    const date = dueAt(parseSchedule(schedule)!, new Date(anchor), ctx.flow.tz);
    ctx.dueMemo.set(key, (d = { date, iso: date.toISOString() }));
  }
  return d;
}

function target(steps: readonly FlowStep[], i: number, t: string): number {
  return t === 'next' ? i + 1 : t === 'end' ? steps.length : steps.findIndex((s) => s.id === t);
}

function plan(
  run: FlowRunTable,
  step: Extract<FlowStep, { type: 'send' | 'group' | 'moment' }>,
  ctx: StepContext,
  context: RenderContext,
  fx: Effects,
): boolean {
  const accountId = ('account' in step && step.account) || ctx.accountId;
  if (!accountId) return false;
  const c = stepContent(step, ctx.scripts, context);
  if (!c) return false;
  const contactId = Number(run.contact_id) || null;
  if (step.type === 'send' && contactId === null) return true; // a broadcast run has no one to message directly
  fx.touches.push({
    workspaceId: ctx.flow.workspaceId,
    idempotencyKey: `${run.id}:${step.id}:${contactId ?? 0}`,
    flowId: ctx.flow.id,
    flowRunId: run.id,
    stepId: step.id,
    kind: step.type === 'send' ? 'direct' : step.type,
    accountId,
    contactId: step.type === 'moment' ? null : contactId,
    groupId: step.type === 'group' ? step.group : null,
    scriptId: step.script ?? null,
    content: c.content,
    promotion: c.promotion,
    marketing: c.marketing,
    dueAt: ctx.now,
  });
  return true;
}
