// The ladder's and communities' tables (src/migrations/0021_ladder.ts).
import type { Generated } from 'kysely';
import '../../platform/store/database.js';

export interface LadderSettingsTable {
  workspace_id: string;
  /** JSON LadderSettings; null = the defaults. */
  settings: string | null;
  /** The bounded sweep's position: the last contact id evaluated (0 = start a new pass). */
  sweep_cursor: number;
  updated_at: string;
}

export interface ContactTierTable {
  workspace_id: string;
  contact_id: number;
  tier: string;
  since: string;
  /** The rule that placed the contact here ('initial', 'favorable', 'inactivity', 'approval'…). */
  rule: string;
}

export interface TierHistoryTable {
  seq: Generated<number>;
  workspace_id: string;
  contact_id: number;
  from_tier: string | null;
  to_tier: string;
  rule: string;
  at: string;
}

export interface LeaderApplicationTable {
  id: string;
  workspace_id: string;
  contact_id: number;
  /** 'applied' | 'approved' | 'rejected' */
  status: string;
  /** JSON LeaderCheck[]. */
  checks: string;
  note: string | null;
  reason: string | null;
  applied_at: string;
  reviewed_at: string | null;
  reviewed_by: string | null;
}

export interface CommunityTable {
  id: string;
  workspace_id: string;
  name: string;
  /** 'seeding' | 'exchange' | 'new_product_test' | 'tier_group' | 'custom' */
  type: string;
  /** JSON string[]. */
  tags: string;
  /** The robot/staff account (channel_accounts.id) that owns its groups. */
  owner_account_id: string;
  capacity: number;
  welcome_script_id: string | null;
  /** For a tier_group: the tier whose promoted fans are invited. */
  tier: string | null;
  created_at: string;
  updated_at: string;
}

export interface CommunityGroupTable {
  group_id: string;
  community_id: string;
  /** 1 for the first group, then each overflow group. */
  position: number;
}

export interface CommunityMemberTable {
  community_id: string;
  contact_id: number;
  workspace_id: string;
  group_id: string;
  /** 'member' | 'atmosphere' | 'group_leader' */
  role: string;
  joined_at: string;
}

declare module '../../platform/store/database.js' {
  interface Database {
    ladder_settings: LadderSettingsTable;
    contact_tiers: ContactTierTable;
    tier_history: TierHistoryTable;
    leader_applications: LeaderApplicationTable;
    communities: CommunityTable;
    community_groups: CommunityGroupTable;
    community_members: CommunityMemberTable;
  }
}
