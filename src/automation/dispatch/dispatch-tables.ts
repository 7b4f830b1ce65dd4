// Touches, guardrail settings, suppressions, opt-outs and rate counters (src/migrations/0011_dispatch.ts).
import '../../platform/store/database.js';

export const touchStates = [
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
export type TouchState = (typeof touchStates)[number];

export interface TouchTable {
  id: string;
  workspace_id: string;
  idempotency_key: string;
  flow_id: string | null;
  flow_run_id: string | null;
  step_id: string | null;
  kind: string;
  account_id: string;
  contact_id: number | null;
  group_id: string | null;
  script_id: string | null;
  /** JSON RenderedContent. */
  content: string;
  promotion: number;
  marketing: number;
  state: TouchState;
  /** When it may go next (planned, held: held_until, failed: the retry time). */
  due_at: string;
  /** Failed send attempts so far. */
  attempts: number;
  lease_until: string | null;
  lease_owner: string | null;
  channel_ref: string | null;
  last_error: string | null;
  held_reason: string | null;
  held_until: string | null;
  sent_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface GuardrailSettingsTable {
  workspace_id: string;
  settings: string;
  updated_at: string;
}

export interface SuppressionTable {
  workspace_id: string;
  contact_id: number;
  reason: string;
  created_by: string;
  created_at: string;
}

export interface OptOutTable {
  workspace_id: string;
  contact_id: number;
  word: string;
  at: string;
}

export interface RateCounterTable {
  key: string;
  count: number;
  /** Epoch ms. */
  expires_at: number;
}

declare module '../../platform/store/database.js' {
  interface Database {
    touches: TouchTable;
    guardrail_settings: GuardrailSettingsTable;
    suppressions: SuppressionTable;
    opt_outs: OptOutTable;
    rate_counters: RateCounterTable;
  }
}
