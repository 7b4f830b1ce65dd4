// Keyword auto-reply rules and the per-contact cool-down (src/migrations/0031_acquisition.ts).
import '../../platform/store/database.js';

export interface AutoReplyRuleTable {
  id: string;
  workspace_id: string;
  /** null: every account of the workspace. */
  account_id: string | null;
  name: string;
  /** 'exact' | 'contains' | 'regex' */
  match: string;
  pattern: string;
  script_id: string;
  priority: number;
  cooldown_seconds: number;
  enabled: number;
  created_at: string;
  updated_at: string;
}

export interface AutoReplyHitTable {
  rule_id: string;
  contact_id: number;
  last_at: string;
}

declare module '../../platform/store/database.js' {
  interface Database {
    auto_reply_rules: AutoReplyRuleTable;
    auto_reply_hits: AutoReplyHitTable;
  }
}
