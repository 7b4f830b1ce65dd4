// Pure helpers of the flow editor: where a step sits on the timeline, new steps, and the server's
// validation issues keyed by their path (`steps.2.at`), so each lands on its card and field.
import type { ApiError } from '../../api.js';
import type { FlowDefinition, Step, StepType } from '../types.js';

export type When =
  | { kind: 'day'; day: number; time: string | null; plusMinutes: number }
  | { kind: 'date'; date: string; time: string }
  | { kind: 'after' };

const RELATIVE =
  /^day\s+(\d{1,3})(?:\s+at\s+(\d{1,2}):(\d{2})|\s*\+\s*(\d{1,5})\s*(m|min|mins|h|hour|hours))?$/i;
const ABSOLUTE = /^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}:\d{2})$/;

/** When a step runs, read from its `at` (same forms as the server: "day 1 at 20:00", "day 0 +5 min"). */
export function whenOf(step: Step): When {
  const at = step.at?.trim();
  if (!at) return { kind: 'after' };
  const r = RELATIVE.exec(at);
  if (r) {
    const unit = (r[5] ?? 'm').toLowerCase().startsWith('h') ? 60 : 1;
    return {
      kind: 'day',
      day: Number(r[1]),
      time: r[2] ? `${r[2].padStart(2, '0')}:${r[3]}` : null,
      plusMinutes: r[4] ? Number(r[4]) * unit : 0,
    };
  }
  const a = ABSOLUTE.exec(at);
  if (a) return { kind: 'date', date: a[1]!, time: a[2]! };
  return { kind: 'after' };
}

export interface TimelineGroup {
  /** "day:1", "date:2026-03-02" or "start" (steps before any timed one). */
  key: string;
  when: When | null;
  steps: { step: Step; index: number }[];
}

/** Steps in order, grouped by the day they fall on (an untimed step stays on the day before it). */
export function timelineGroups(steps: Step[]): TimelineGroup[] {
  const groups: TimelineGroup[] = [];
  steps.forEach((step, index) => {
    const w = whenOf(step);
    const key = w.kind === 'day' ? `day:${w.day}` : w.kind === 'date' ? `date:${w.date}` : null;
    const last = groups[groups.length - 1];
    if (key === null || (last && last.key === key)) {
      if (last) last.steps.push({ step, index });
      else groups.push({ key: 'start', when: null, steps: [{ step, index }] });
    } else groups.push({ key, when: w, steps: [{ step, index }] });
  });
  return groups;
}

const DEFAULTS: Record<StepType, Partial<Step>> = {
  send: { at: 'day 0', text: '' },
  group: { group: '', text: '' },
  moment: { text: '' },
  tag: { add: [], remove: [] },
  wait: { until: 'day 1 at 20:00' },
  branch: {
    ifEvent: { type: 'message', props: { direction: 'in' }, within: '1d' },
    then: 'next',
    else: 'end',
  },
  task: { title: '', due: '1d' },
};

export function newStep(type: StepType, steps: Step[]): Step {
  const taken = new Set(steps.map((s) => s.id));
  let n = 1;
  while (taken.has(`${type}${n}`)) n++;
  return { id: `${type}${n}`, type, ...structuredClone(DEFAULTS[type]) };
}

/** The definition as sent: empty optional texts left out, so "no value" is not an empty string. */
export function cleanDefinition(d: FlowDefinition): FlowDefinition {
  const out = prune(d as unknown as Record<string, unknown>) as unknown as FlowDefinition;
  out.steps = d.steps.map((s) => prune(s as unknown as Record<string, unknown>) as unknown as Step);
  return out;
}

function prune(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined || v === '') continue;
    out[k] = v;
  }
  return out;
}

/** Validation messages by path without the request target: `steps.0.at`, `trigger.cron`, `name`, ``. */
export function issuesByPath(error: ApiError | null): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const details = error?.details as { issues?: { path?: unknown; message?: unknown }[] } | null | undefined;
  for (const issue of details?.issues ?? []) {
    const raw = Array.isArray(issue.path) ? issue.path.join('.') : String(issue.path ?? '');
    const path = raw
      .replace(/\[(\d+)\]/g, '.$1')
      .replace(/^(json)(\.|$)/, '')
      .replace(/^\./, '');
    map.set(path, [...(map.get(path) ?? []), String(issue.message ?? '')]);
  }
  return map;
}

/** Messages for `prefix` itself and, with `deep`, for anything under it. */
export function issuesAt(issues: Map<string, string[]>, prefix: string, deep = false): string[] {
  const out: string[] = [];
  for (const [path, messages] of issues) {
    if (path === prefix || (deep && path.startsWith(`${prefix}.`))) out.push(...messages);
  }
  return out;
}
