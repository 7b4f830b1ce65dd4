// Input shapes of the roster: a KOC with its social accounts.
import { z } from 'zod';

export const KOC_KINDS = ['employee', 'guide', 'user'] as const;
export const KOC_STATUSES = ['applicant', 'active', 'paused', 'removed'] as const;
export const PLATFORMS = ['xiaohongshu', 'douyin', 'weibo', 'wechat_moments', 'bilibili', 'other'] as const;
export type KocKind = (typeof KOC_KINDS)[number];
export type KocStatus = (typeof KOC_STATUSES)[number];

/** Follower counts above this are not a consumer's account (nor any real one). */
export const MAX_FOLLOWERS = 1_000_000_000;
const count = z.number().int().min(0).max(MAX_FOLLOWERS);

export const SocialAccountInput = z.strictObject({
  platform: z.enum(PLATFORMS),
  handle: z.string().trim().min(1).max(100),
  followers: count,
  avgReads: count.default(0),
  avgLikes: count.default(0),
  avgComments: count.default(0),
  category: z.string().trim().min(1).max(50).nullish(),
  city: z.string().trim().min(1).max(50).nullish(),
});
export type SocialAccountInput = z.infer<typeof SocialAccountInput>;

export const NewKocInput = z.strictObject({
  kind: z.enum(KOC_KINDS),
  name: z.string().trim().min(1).max(100),
  phone: z.string().trim().min(1).max(40).nullish(),
  contactId: z.number().int().positive().nullish(),
  accountId: z.string().min(1).max(100).nullish(),
  status: z.enum(KOC_STATUSES).default('active'),
  category: z.string().trim().min(1).max(50).nullish(),
  city: z.string().trim().min(1).max(50).nullish(),
  socialAccounts: z.array(SocialAccountInput).max(20).default([]),
});
export type NewKocInput = z.input<typeof NewKocInput>;

export const KocPatch = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  phone: z.string().trim().min(1).max(40).nullable().optional(),
  contactId: z.number().int().positive().nullable().optional(),
  accountId: z.string().min(1).max(100).nullable().optional(),
  category: z.string().trim().min(1).max(50).nullable().optional(),
  city: z.string().trim().min(1).max(50).nullable().optional(),
  /** Replaces all social accounts when given. */
  socialAccounts: z.array(SocialAccountInput).max(20).optional(),
});
export type KocPatch = z.input<typeof KocPatch>;
