// The KOC program's tables (src/migrations/0020_koc.ts). JSON columns are text.
import '../../platform/store/database.js';
import '../../audience/audience-tables.js';
import '../../channels/channel-tables.js';

export interface KocTable {
  id: string;
  workspace_id: string;
  /** 'employee' | 'guide' | 'user' */
  kind: string;
  name: string;
  /** E.164; used to refuse duplicate applications. */
  phone: string | null;
  contact_id: number | null;
  /** Staff/robot account (channel_accounts.id) of an employee or guide KOC. */
  account_id: string | null;
  /** 'applicant' | 'active' | 'paused' | 'removed' */
  status: string;
  category: string | null;
  city: string | null;
  created_at: string;
  updated_at: string;
}

export interface KocStatusChangeTable {
  id: string;
  workspace_id: string;
  koc_id: string;
  from_status: string | null;
  to_status: string;
  actor: string;
  reason: string | null;
  at: string;
}

export interface KocSocialAccountTable {
  id: string;
  workspace_id: string;
  koc_id: string;
  platform: string;
  handle: string;
  followers: number;
  avg_reads: number;
  avg_likes: number;
  avg_comments: number;
  category: string | null;
  city: string | null;
}

/** Contacts known to follow a KOC on a social platform (imported), beside the attributed fan pool. */
export interface KocSocialFollowerTable {
  workspace_id: string;
  koc_id: string;
  contact_id: number;
}

export interface RecruitmentDriveTable {
  id: string;
  workspace_id: string;
  name: string;
  /** The KOC kind approved applicants become. */
  kind: string;
  /** JSON DriveRules. */
  rules: string;
  /** 'open' | 'closed' */
  status: string;
  created_at: string;
}

export interface KocApplicationTable {
  id: string;
  workspace_id: string;
  drive_id: string;
  name: string;
  phone: string;
  city: string;
  category: string;
  platform: string;
  handle: string;
  followers: number;
  avg_reads: number;
  avg_likes: number;
  avg_comments: number;
  note: string | null;
  score: number;
  /** JSON Verdict[]. */
  verdicts: string;
  /** 'pending' | 'approved' | 'rejected' */
  status: string;
  reason: string | null;
  koc_id: string | null;
  created_at: string;
  reviewed_at: string | null;
  reviewed_by: string | null;
}

export interface SeedingTaskTable {
  id: string;
  workspace_id: string;
  title: string;
  product: string;
  platform: string;
  due_at: string;
  brief: string;
  /** JSON string[] of materials.id. */
  material_ids: string;
  /** 'points' | 'money' */
  reward_kind: string;
  reward_amount: number;
  /** 'open' | 'closed' */
  status: string;
  created_at: string;
}

export interface SeedingAssignmentTable {
  task_id: string;
  koc_id: string;
  workspace_id: string;
  /** 'assigned' | 'submitted' | 'approved' | 'rejected' */
  status: string;
  assigned_at: string;
}

export interface SeedingSubmissionTable {
  id: string;
  workspace_id: string;
  task_id: string;
  koc_id: string;
  link: string;
  screenshot_material_id: string | null;
  reads: number;
  likes: number;
  comments: number;
  /** 'pending' | 'approved' | 'rejected' */
  status: string;
  reason: string | null;
  submitted_at: string;
  reviewed_at: string | null;
}

export interface KocRewardTable {
  id: string;
  workspace_id: string;
  koc_id: string;
  /** What earned it (a submission id): one reward per source. */
  source_id: string;
  kind: string;
  amount: number;
  at: string;
}

export interface GroupLeaderTable {
  koc_id: string;
  workspace_id: string;
  /** 'approved' (written on approval of the ladder leader application; older rows may say 'applied'). */
  status: string;
  verdicts: string;
  reason: string | null;
  applied_at: string;
  reviewed_at: string | null;
}

export interface CommissionRuleTable {
  id: string;
  workspace_id: string;
  /** 'default' | 'product' | 'category' */
  scope: string;
  scope_value: string;
  /** JSON CommissionTier[]. */
  tiers: string;
  created_at: string;
}

declare module '../../platform/store/database.js' {
  interface Database {
    kocs: KocTable;
    koc_status_changes: KocStatusChangeTable;
    koc_social_accounts: KocSocialAccountTable;
    koc_social_followers: KocSocialFollowerTable;
    recruitment_drives: RecruitmentDriveTable;
    koc_applications: KocApplicationTable;
    seeding_tasks: SeedingTaskTable;
    seeding_assignments: SeedingAssignmentTable;
    seeding_submissions: SeedingSubmissionTable;
    koc_rewards: KocRewardTable;
    group_leaders: GroupLeaderTable;
    commission_rules: CommissionRuleTable;
  }
}
