// Flows, versions, runs, tasks, tag signals and event cursors (src/migrations/0012_flows.ts).
import type { Generated } from 'kysely';
import '../../platform/store/database.js';

export type FlowStatus = 'draft' | 'active' | 'paused' | 'archived';
export type RunState = 'active' | 'waiting' | 'exited' | 'completed';

export interface FlowTable {
  id: string;
  workspace_id: string;
  name: string;
  status: FlowStatus;
  /** The current version: new runs enroll on it. */
  version: number;
  trigger_kind: string;
  /** Date and cron triggers: when the audience is enrolled next. */
  next_fire_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface FlowVersionTable {
  flow_id: string;
  version: number;
  workspace_id: string;
  /** JSON FlowDefinition. */
  definition: string;
  created_by: string;
  created_at: string;
}

export interface FlowRunTable {
  id: string;
  workspace_id: string;
  flow_id: string;
  version: number;
  /** 0 for a broadcast run (a community or Moments flow without a per-contact audience): kept non-null so
   *  the unique (flow, contact, trigger) index also makes broadcast enrolment idempotent. */
  contact_id: number;
  /** What enrolled it (`e:<event seq>`, `t:<signal seq>`, `d:<fire time>`, `m:<manual>`): enrolling is idempotent on it. */
  trigger_key: string;
  state: RunState;
  step_index: number;
  next_due_at: string | null;
  /** JSON {type, props} of the event a wait step waits for. */
  waiting_for: string | null;
  wait_started_at: string | null;
  exit_reason: string | null;
  enrolled_at: string;
  updated_at: string;
  ended_at: string | null;
}

export interface FlowTaskTable {
  id: string;
  workspace_id: string;
  flow_id: string;
  run_id: string;
  step_id: string;
  contact_id: number | null;
  title: string;
  assignee: string | null;
  due_at: string;
  /** 'open' | 'done' | 'cancelled' */
  status: string;
  note: string | null;
  created_at: string;
  completed_at: string | null;
  completed_by: string | null;
}

export interface FlowSignalTable {
  seq: Generated<number>;
  workspace_id: string;
  contact_id: number;
  /** 'tag_added' | 'tag_removed' */
  kind: string;
  tag_id: string;
  at: string;
}

export interface FlowCursorTable {
  workspace_id: string;
  events_seq: number;
  updated_at: string;
}

declare module '../../platform/store/database.js' {
  interface Database {
    flows: FlowTable;
    flow_versions: FlowVersionTable;
    flow_runs: FlowRunTable;
    flow_tasks: FlowTaskTable;
    flow_signals: FlowSignalTable;
    flow_cursors: FlowCursorTable;
  }
}
