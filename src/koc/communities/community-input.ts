// What a community (社群) is made of when created or changed: a name, a type, tags, the owner account
// (a channel_accounts robot/staff id), a capacity per group (WeChat groups hold 200 without verification,
// then overflow to a new group), a welcome script, and for a tier_group the tier it gathers.
import { z } from 'zod';
import { COMMUNITY_TYPES, TIERS } from '../ladder/ladder-settings.js';

export const COMMUNITY_ROLES = ['member', 'atmosphere', 'group_leader'] as const;
export type CommunityRole = (typeof COMMUNITY_ROLES)[number];
export const DEFAULT_CAPACITY = 200;

export const CommunityInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  type: z.enum(COMMUNITY_TYPES),
  tags: z.array(z.string().trim().min(1).max(50)).max(30).default([]),
  ownerAccountId: z.string().min(1),
  capacity: z.number().int().min(2).max(2000).default(DEFAULT_CAPACITY),
  welcomeScriptId: z.string().min(1).nullable().default(null),
  tier: z.enum(TIERS).nullable().default(null),
});
export type CommunityInput = z.input<typeof CommunityInput>;

export const CommunityPatch = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  tags: z.array(z.string().trim().min(1).max(50)).max(30).optional(),
  capacity: z.number().int().min(2).max(2000).optional(),
  welcomeScriptId: z.string().min(1).nullable().optional(),
  tier: z.enum(TIERS).nullable().optional(),
});
export type CommunityPatch = z.input<typeof CommunityPatch>;

export const MembersInput = z.strictObject({
  contactIds: z.array(z.number().int().positive()).min(1).max(10_000),
  role: z.enum(COMMUNITY_ROLES).default('member'),
});
export type MembersInput = z.input<typeof MembersInput>;
