// Robot accounts and whom they reach (src/migrations/0011_dispatch.ts).
import type { Generated } from 'kysely';
import '../platform/store/database.js';

export interface ChannelAccountTable {
  id: string;
  workspace_id: string;
  /** 'simulator' | 'wechaty' | 'wecom' */
  kind: string;
  name: string;
  /** 1 for a personal WeChat account: stricter pacing by default. */
  personal: number;
  /** JSON: channel-specific settings (simulator: seed and fan behaviour). */
  settings: string;
  created_at: string;
}

export interface ChannelContactTable {
  account_id: string;
  contact_id: number;
  workspace_id: string;
  added_at: string;
}

export interface ChannelGroupTable {
  id: string;
  workspace_id: string;
  account_id: string;
  name: string;
  created_at: string;
}

export interface ChannelGroupMemberTable {
  group_id: string;
  contact_id: number;
  joined_at: string;
}

export interface SimMessageTable {
  seq: Generated<number>;
  workspace_id: string;
  account_id: string;
  /** 'out' (robot → fan) | 'in' (fan → robot) */
  direction: string;
  /** TouchKind for 'out'; 'reply' for 'in'. */
  kind: string;
  idempotency_key: string | null;
  touch_id: string | null;
  contact_id: number | null;
  group_id: string | null;
  text: string;
  at: string;
}

declare module '../platform/store/database.js' {
  interface Database {
    channel_accounts: ChannelAccountTable;
    channel_contacts: ChannelContactTable;
    channel_groups: ChannelGroupTable;
    channel_group_members: ChannelGroupMemberTable;
    sim_messages: SimMessageTable;
  }
}
