// The audience's tables (see src/migrations/0002_audience.ts). Integer ids are the contacts' keys in the
// roaring-bitmap segment index.
import type { Generated } from 'kysely';

export interface ContactTable {
  id: Generated<number>;
  workspace_id: string;
  external_id: string;
  name: string | null;
  /** E.164. */
  phone: string | null;
  wechat_id: string | null;
  wecom_external_userid: string | null;
  /** 'male' | 'female' | 'unknown' */
  gender: string | null;
  city: string | null;
  birth_year: number | null;
  source: string | null;
  owner_koc_id: string | null;
  /** JSON object of string | number | boolean. */
  attrs: string;
  created_at: string;
  updated_at: string;
  /** Set when the person's data was erased on request (PIPL); the row keeps only ids. */
  erased_at: string | null;
  /** Set when merged into another contact (which then holds the tags and events). */
  merged_into: number | null;
}

export interface TagGroupTable {
  id: string;
  workspace_id: string;
  name: string;
  created_at: string;
}

export interface TagTable {
  id: string;
  workspace_id: string;
  group_id: string | null;
  name: string;
  created_at: string;
}

export interface ContactTagTable {
  contact_id: number;
  tag_id: string;
  workspace_id: string;
  added_at: string;
  /** 'manual' | 'import' | 'bulk' | 'rule:<id>' | 'api' */
  added_by: string;
}

export interface EventTable {
  seq: Generated<number>;
  workspace_id: string;
  /** The client's id; ingestion is idempotent on it. */
  event_id: string;
  contact_id: number;
  type: string;
  /** Epoch milliseconds. */
  at: number;
  /** 'koc' | 'community' | 'campaign' | 'content' | 'channel' */
  source_kind: string | null;
  source_id: string | null;
  props: string;
  received_at: string;
}

export interface SegmentTable {
  id: string;
  workspace_id: string;
  name: string;
  expression: string;
  description: string | null;
  created_at: string;
  updated_at: string;
}

export interface TagRuleTable {
  id: string;
  workspace_id: string;
  name: string;
  /** 'event' | 'attribute' */
  trigger: string;
  event_type: string | null;
  /** JSON object: props that must equal. */
  props_match: string | null;
  min_count: number;
  within_days: number | null;
  /** For attribute rules: a segment expression over the contact's fields. */
  condition: string | null;
  /** 'add' | 'remove' */
  action: string;
  tag_id: string;
  enabled: number;
  created_at: string;
}

export interface ErasureTable {
  id: string;
  workspace_id: string;
  /** SHA-256 of the external id: proves the erasure happened without keeping who it was. */
  subject_hash: string;
  requested_by: string;
  /** JSON counts of what was removed. */
  removed: string;
  at: string;
}

/** 'contact' (fields/tags changed: reload it), 'erase' (remove it everywhere). Events are read by seq. */
export interface AudienceChangeTable {
  seq: Generated<number>;
  workspace_id: string;
  contact_id: number;
  kind: string;
  at: string;
}

declare module '../platform/store/database.js' {
  interface Database {
    contacts: ContactTable;
    tag_groups: TagGroupTable;
    tags: TagTable;
    contact_tags: ContactTagTable;
    events: EventTable;
    segments: SegmentTable;
    tag_rules: TagRuleTable;
    erasures: ErasureTable;
    audience_changes: AudienceChangeTable;
  }
}
