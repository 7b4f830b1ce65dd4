// Shapes of the automation API (flows, runs, tasks, touches, guardrails, simulator) as the console reads them.

export const TRIGGER_TYPES = [
  'friend_added',
  'joined_group',
  'left_group',
  'tag_added',
  'tag_removed',
  'event',
  'date',
  'cron',
  'manual',
] as const;
export type TriggerType = (typeof TRIGGER_TYPES)[number];

/** A trigger as the flow definition holds it (fields depend on the type). */
export interface Trigger {
  type: TriggerType;
  event?: string;
  props?: Record<string, string | number | boolean>;
  group?: string;
  tag?: string;
  at?: string;
  cron?: string;
}

export const STEP_TYPES = ['send', 'group', 'moment', 'tag', 'wait', 'branch', 'task'] as const;
export type StepType = (typeof STEP_TYPES)[number];

/** A step as the flow definition holds it; the editor keeps unknown fields as they are. */
export interface Step {
  id: string;
  type: StepType;
  at?: string;
  script?: string;
  text?: string;
  account?: string;
  group?: string;
  material?: string;
  add?: string[];
  remove?: string[];
  until?: string;
  event?: { type: string; props?: Record<string, unknown> };
  timeout?: string;
  onTimeout?: string;
  if?: string;
  ifEvent?: { type: string; props?: Record<string, unknown>; within: string };
  then?: string;
  else?: string;
  title?: string;
  assignee?: string;
  due?: string;
}

export interface FlowDefinition {
  name: string;
  description?: string;
  status?: 'draft' | 'active' | 'paused';
  trigger: Trigger;
  audience?: string;
  community?: string;
  account?: string;
  reentry?: 'never' | 'always' | { afterDays: number };
  steps: Step[];
}

export type FlowStatus = 'draft' | 'active' | 'paused' | 'archived';

export interface Flow {
  id: string;
  name: string;
  status: FlowStatus;
  version: number;
  triggerKind: string;
  nextFireAt: string | null;
  createdAt: string;
  updatedAt: string;
  definition: FlowDefinition;
}

export interface FlowSaveResult {
  flow: Flow;
  created: boolean;
  versioned: boolean;
}

export interface FlowRun {
  id: string;
  flowId: string;
  version: number;
  contactId: number | null;
  state: string;
  stepIndex: number;
  stepId: string | null;
  nextDueAt: string | null;
  waitingFor: { type: string; props: Record<string, unknown> } | null;
  exitReason: string | null;
  enrolledAt: string;
  endedAt: string | null;
}

export interface FlowRunsPage {
  items: FlowRun[];
  nextCursor: string | null;
  counts: Record<string, number>;
}

export interface FlowTask {
  id: string;
  flowId: string;
  runId: string;
  stepId: string;
  contactId: number | null;
  title: string;
  assignee: string | null;
  dueAt: string;
  status: string;
  note: string | null;
  createdAt: string;
  completedAt: string | null;
  completedBy: string | null;
}

export const TOUCH_STATES = [
  'planned',
  'sending',
  'sent',
  'awaiting_confirmation',
  'failed',
  'dead',
  'held',
  'unknown',
  'cancelled',
] as const;
export type TouchState = (typeof TOUCH_STATES)[number];

export interface Touch {
  id: string;
  idempotencyKey: string;
  flowId: string | null;
  flowRunId: string | null;
  stepId: string | null;
  kind: string;
  accountId: string;
  contactId: number | null;
  groupId: string | null;
  text: string;
  promotion: boolean;
  marketing: boolean;
  state: TouchState;
  dueAt: string;
  attempts: number;
  channelRef: string | null;
  lastError: string | null;
  heldReason: string | null;
  heldUntil: string | null;
  sentAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Pacing {
  perMinute: number;
  perHour: number;
}

export interface GuardrailSettings {
  quietHours: { enabled: boolean; start: string; end: string };
  contactCaps: { perDay: number; perMonth: number | null };
  accountPacing: { enterprise: Pacing; personal: Pacing; jitterMs: number };
  promotionMix: { enabled: boolean; maxShare: number; windowDays: number };
  optOutWords: string[];
}

export interface Suppression {
  contactId: number;
  reason: string;
  createdBy: string;
  createdAt: string;
}

export interface SimAccount {
  id: string;
  name: string;
  kind: string;
  personal: boolean;
  settings: Record<string, unknown>;
  createdAt: string;
}

export interface SimMessage {
  seq: number;
  accountId: string;
  direction: 'in' | 'out';
  kind: string;
  touchId: string | null;
  contactId: number | null;
  groupId: string | null;
  text: string;
  at: string;
}

export interface SimulationReport {
  isolation: 'copy';
  days: number;
  seed: number;
  from: string;
  to: string;
  ticks: number;
  touches: {
    total: number;
    byFlow: { flow: string; step: string; total: number; byState: Record<string, number> }[];
  };
  holds: { total: number; byGuardrail: Record<string, number> };
  events: { total: number; byType: Record<string, number> };
  runs: Record<string, Record<string, number>>;
}

/** A robot account's group (simulator group, WeCom customer group, Wechaty room) from /channels/groups. */
export interface ChannelGroup {
  id: string;
  name: string;
  accountId: string;
  accountName: string;
  kind: string;
  members: number;
  createdAt: string;
}

/** What starting a manual flow did (POST /flows/{id}/start). */
export interface FlowStartResult {
  key: string;
  matched: number;
  enrolled: number;
  already: number;
  skipped: number;
  touches: number;
  unknown: number;
  unknownExamples: string[];
}
