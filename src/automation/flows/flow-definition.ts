// The flow file format (YAML or JSON), validated with zod: a trigger, an audience and steps. Steps run in
// order; `at` delays a step until that time after enrolment (or a calendar time); branch and wait steps
// may jump to another step by id ('end' ends the run).
import cronParser from 'cron-parser';
import { z } from 'zod';
import { parseSegment } from '../../audience/segments/parse-segment.js';
import { parseDuration, parseSchedule, SCHEDULE_HINT } from './schedule.js';

const Schedule = z.string().refine((s) => parseSchedule(s) !== null, { message: SCHEDULE_HINT });
const Duration = z
  .string()
  .refine((s) => parseDuration(s) !== null, { message: 'expected a duration like "30m", "2h" or "1d"' });
const Segment = z.string().refine(
  (s) => {
    try {
      parseSegment(s);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'expected a segment expression, e.g. "tag:宝妈 and did message within 1d"' },
);
const Props = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));
const Target = z.string().min(1);

const Trigger = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('event'), event: z.string().min(1), props: Props.optional() }),
  z.strictObject({ type: z.literal('friend_added') }),
  z.strictObject({ type: z.literal('joined_group'), group: z.string().optional() }),
  z.strictObject({ type: z.literal('left_group'), group: z.string().optional() }),
  z.strictObject({ type: z.literal('tag_added'), tag: z.string().min(1) }),
  z.strictObject({ type: z.literal('tag_removed'), tag: z.string().min(1) }),
  z.strictObject({ type: z.literal('date'), at: Schedule }),
  z.strictObject({
    type: z.literal('cron'),
    cron: z.string().refine(
      (s) => {
        try {
          cronParser.parseExpression(s);
          return s.trim().split(/\s+/).length === 5;
        } catch {
          return false;
        }
      },
      { message: 'expected a 5-field cron expression, e.g. "0 20 * * 1" (in the workspace time zone)' },
    ),
  }),
  z.strictObject({ type: z.literal('manual') }),
]);

const Content = { script: z.string().optional(), text: z.string().optional() };
const base = {
  id: z.string().regex(/^[\w.-]{1,64}$/, 'expected letters, digits, _ . -'),
  at: Schedule.optional(),
};

const Step = z.discriminatedUnion('type', [
  z.strictObject({ ...base, type: z.literal('send'), ...Content, account: z.string().optional() }),
  z.strictObject({ ...base, type: z.literal('group'), group: z.string().min(1), ...Content }),
  z.strictObject({
    ...base,
    type: z.literal('moment'),
    account: z.string().optional(),
    ...Content,
    material: z.string().optional(),
  }),
  z.strictObject({
    ...base,
    type: z.literal('tag'),
    add: z.array(z.string().min(1)).default([]),
    remove: z.array(z.string().min(1)).default([]),
  }),
  z.strictObject({
    ...base,
    type: z.literal('wait'),
    until: Schedule.optional(),
    event: z.strictObject({ type: z.string().min(1), props: Props.optional() }).optional(),
    timeout: Duration.optional(),
    onTimeout: Target.optional(),
  }),
  z.strictObject({
    ...base,
    type: z.literal('branch'),
    if: Segment.optional(),
    ifEvent: z
      .strictObject({ type: z.string().min(1), props: Props.optional(), within: Duration })
      .optional(),
    then: Target.default('next'),
    else: Target.default('next'),
  }),
  z.strictObject({
    ...base,
    type: z.literal('task'),
    title: z.string().min(1),
    assignee: z.string().optional(),
    due: Duration.default('1d'),
  }),
]);

export const FlowDefinition = z
  .strictObject({
    name: z.string().min(1).max(120),
    description: z.string().optional(),
    status: z.enum(['draft', 'active', 'paused']).default('draft'),
    trigger: Trigger,
    /** Segment expression (tags, tiers `tier:iron`, events…) the contact must match to enter and to stay. */
    audience: Segment.optional(),
    /** A community (channel group id): only its members enter, and leaving it exits. */
    community: z.string().optional(),
    /** The robot account that sends (default: the workspace's first account). */
    account: z.string().optional(),
    reentry: z
      .union([z.enum(['never', 'always']), z.strictObject({ afterDays: z.number().int().positive() })])
      .default('never'),
    steps: z.array(Step).min(1),
  })
  .superRefine((f, ctx) => {
    const ids = new Map<string, number>();
    f.steps.forEach((s, i) => {
      if (ids.has(s.id))
        ctx.addIssue({ code: 'custom', path: ['steps', i, 'id'], message: `duplicate step id "${s.id}"` });
      ids.set(s.id, i);
    });
    const jump = (i: number, key: string, t: string | undefined) => {
      if (t !== undefined && t !== 'next' && t !== 'end' && !ids.has(t))
        ctx.addIssue({
          code: 'custom',
          path: ['steps', i, key],
          message: `no step has id "${t}" (or use "next" / "end")`,
        });
    };
    f.steps.forEach((s, i) => {
      if ((s.type === 'send' || s.type === 'group' || s.type === 'moment') && !s.script && !s.text)
        ctx.addIssue({ code: 'custom', path: ['steps', i], message: 'a send step needs "script" or "text"' });
      if (s.type === 'wait') {
        if (!s.until && !s.event)
          ctx.addIssue({
            code: 'custom',
            path: ['steps', i],
            message: 'a wait step needs "until" or "event"',
          });
        if (s.event && !s.timeout)
          ctx.addIssue({
            code: 'custom',
            path: ['steps', i, 'timeout'],
            message: 'waiting for an event needs a timeout',
          });
        jump(i, 'onTimeout', s.onTimeout);
      }
      if (s.type === 'branch') {
        if (!s.if === !s.ifEvent)
          ctx.addIssue({
            code: 'custom',
            path: ['steps', i],
            message: 'a branch needs exactly one of "if" and "ifEvent"',
          });
        jump(i, 'then', s.then);
        jump(i, 'else', s.else);
      }
    });
  });
export type FlowDefinition = z.infer<typeof FlowDefinition>;
export type FlowStep = FlowDefinition['steps'][number];
export type FlowTrigger = FlowDefinition['trigger'];

/** Whether runs are per contact (events, tags, an audience) or one broadcast run (calendar, community posts). */
export function isBroadcast(f: FlowDefinition): boolean {
  return (
    (f.trigger.type === 'date' || f.trigger.type === 'cron' || f.trigger.type === 'manual') &&
    !f.audience &&
    !f.community
  );
}

/** The event type and props an event trigger listens for (null for tag, date, cron and manual triggers). */
export function triggerEvent(t: FlowTrigger): { type: string; props: Record<string, unknown> } | null {
  if (t.type === 'event') return { type: t.event, props: t.props ?? {} };
  if (t.type === 'friend_added') return { type: 'add_friend', props: {} };
  if (t.type === 'joined_group') return { type: 'join_group', props: t.group ? { groupId: t.group } : {} };
  if (t.type === 'left_group') return { type: 'leave_group', props: t.group ? { groupId: t.group } : {} };
  return null;
}

export function propsMatch(
  want: Record<string, unknown> | undefined,
  have: Record<string, unknown>,
): boolean {
  for (const [k, v] of Object.entries(want ?? {})) if (have[k] !== v) return false;
  return true;
}
