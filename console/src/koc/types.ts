// Shapes of the KOC program's API as the console reads them (src/koc/**/*.routes.ts).
export const KOC_KINDS = ['employee', 'guide', 'user'] as const;
export const KOC_STATUSES = ['applicant', 'active', 'paused', 'removed'] as const;
export const PLATFORMS = ['xiaohongshu', 'douyin', 'weibo', 'wechat_moments', 'bilibili', 'other'] as const;
export const TIERS = ['passerby', 'favorable', 'iron', 'leader'] as const;
export const COMMUNITY_TYPES = ['seeding', 'exchange', 'new_product_test', 'tier_group', 'custom'] as const;
export type KocKind = (typeof KOC_KINDS)[number];
export type KocStatus = (typeof KOC_STATUSES)[number];
export type Platform = (typeof PLATFORMS)[number];
export type Tier = (typeof TIERS)[number];

export interface SocialAccount {
  platform: string;
  handle: string;
  followers: number;
  avgReads: number;
  avgLikes: number;
  avgComments: number;
  interactionRate: number | null;
  category: string | null;
  city: string | null;
}

export interface Koc {
  id: string;
  kind: string;
  name: string;
  phone: string | null;
  contactId: number | null;
  accountId: string | null;
  status: string;
  category: string | null;
  city: string | null;
  fans: number;
  followers: number;
  socialAccounts: SocialAccount[];
  createdAt: string;
  updatedAt: string;
}

export interface KocDetail {
  koc: Koc;
  history: { from: string | null; to: string; actor: string; reason: string | null; at: string }[];
}

export interface KocPage {
  items: Koc[];
  nextCursor: string | null;
}

export interface DriveRules {
  minFollowers: number;
  leadMinFollowers: number;
  minAvgReads: number;
  minInteractionRate: number;
  categories: string[];
  cities: string[];
}

export interface Drive {
  id: string;
  name: string;
  kind: string;
  rules: DriveRules;
  status: string;
  createdAt: string;
  applications: { pending: number; approved: number; rejected: number };
}

export interface Verdict {
  rule: string;
  required: number | string[];
  actual: number | string;
  pass: boolean;
}

export interface Application {
  id: string;
  name: string;
  phone: string;
  city: string;
  category: string;
  platform: string;
  handle: string;
  followers: number;
  avgReads: number;
  score: number;
  verdicts: Verdict[];
  eligible: boolean;
  leadEligible: boolean;
  status: string;
  reason: string | null;
  kocId: string | null;
  createdAt: string;
}

export interface ReviewOutcome {
  id: string;
  ok: boolean;
  status?: string;
  error?: { code: string; message: string };
}

export interface Selection {
  candidates: number;
  picks: { id: string; name: string; marginal: number; reach: number; cost: number }[];
  selected: string[];
  reach: number;
  marginal: number[];
  curve: number[];
  overlap: number[][];
  cost: number;
  method: string;
  refined: boolean;
  unmetQuotas: { field: string; value: string; min: number; count: number }[];
}

export interface TierCount {
  tier: Tier;
  name: string;
  count: number;
}

export interface TierMove {
  period: string;
  from: string | null;
  to: string;
  count: number;
}

export type LadderSettings = {
  tierNames: Record<Tier, string>;
  leader: { requireCommunity: boolean; minOrders: number; withinDays: number };
  demotion: { enabled: boolean; inactiveDays: number; interactionTypes: string[] };
} & Record<string, unknown>;

export interface LeaderCheck {
  check: string;
  required: string | number | boolean;
  actual: string | number | boolean;
  pass: boolean;
}

export interface LeaderApplication {
  id: string;
  contactId: number;
  koc: { id: string; name: string } | null;
  status: string;
  checks: LeaderCheck[];
  note: string | null;
  reason: string | null;
  appliedAt: string;
  reviewedAt: string | null;
}

export interface GroupLeader {
  kocId: string;
  name: string;
  status: string;
  verdicts: { rule: string; required: number | string; actual: number | string | null; pass: boolean }[];
  reviewedAt: string | null;
}

export interface CommissionRule {
  id: string;
  scope: string;
  scopeValue: string;
  tiers: { upTo: number | null; rate: number }[];
}

export interface LeaderPage {
  leader: GroupLeader;
  koc: Koc;
  fans: { total: number; newContactsLast30Days: number; byCity: { city: string | null; count: number }[] };
  commissionRules: CommissionRule[];
  communities?: { count: number; members: number };
}

export interface Community {
  id: string;
  name: string;
  type: string;
  tags: string[];
  ownerAccountId: string;
  capacity: number;
  tier: string | null;
  groups: { groupId: string; name: string; position: number; members: number }[];
  members: number;
}

export interface CommunityMember {
  contactId: number;
  name: string | null;
  groupId: string;
  role: string;
  joinedAt: string;
}

export interface CommunityStats {
  days: number;
  members: number;
  interacting: number;
  interactionRate: number;
  groups: {
    groupId: string;
    name: string;
    members: number;
    interactionRate: number;
    daily: { day: string; messages: number }[];
  }[];
}

export interface SeedingTask {
  id: string;
  title: string;
  product: string;
  platform: string;
  dueAt: string;
  brief: string;
  materialIds: string[];
  reward: { kind: string; amount: number };
  status: string;
}

export interface SeedingTaskSummary extends SeedingTask {
  assigned: number;
  submitted: number;
  approved: number;
  myStatus: string | null;
}

export interface Submission {
  id: string;
  kocId: string;
  link: string;
  reads: number;
  likes: number;
  comments: number;
  status: string;
  reason: string | null;
  submittedAt: string;
}

export interface SeedingTaskDetail {
  task: SeedingTask;
  assignments: { kocId: string; name: string; status: string; assignedAt: string }[];
  submissions: Submission[];
}

export interface LeaderboardRow {
  rank: number;
  kocId: string;
  name: string;
  posts: number;
  reads: number;
  interactions: number;
  interactionRate: number | null;
}

export interface MyKoc {
  koc: Koc;
  figures: {
    fans: number;
    tasks: { assigned: number; submitted: number; approved: number; rejected: number };
    reads: number;
    interactions: number;
    rewards: { points: number; money: number };
  };
}
