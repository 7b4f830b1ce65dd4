// The ladder's per-workspace settings: tier display names and the promotion / demotion rules, with
// defaults that follow the seeds (互动多且接种草任务 → 好感粉; 购买或为品牌而来 → 铁粉; 代颜粉 only by approval).
import { z } from 'zod';
import type { Db } from '../../platform/store/database.js';
import './ladder-tables.js';

export const TIERS = ['passerby', 'favorable', 'iron', 'leader'] as const;
export type Tier = (typeof TIERS)[number];
export const COMMUNITY_TYPES = ['seeding', 'exchange', 'new_product_test', 'tier_group', 'custom'] as const;

const eventType = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);
const EventsCondition = z.strictObject({
  kind: z.literal('events'),
  /** Events of these types, together, at least `min` times within the last `withinDays`. */
  types: z.array(eventType).min(1).max(20),
  min: z.number().int().min(1).max(10_000),
  withinDays: z.number().int().min(1).max(3650),
});
const TagCondition = z.strictObject({ kind: z.literal('tag'), name: z.string().min(1).max(100) });
/** A current member of a community with this tag and/or of this type. */
const CommunityCondition = z.strictObject({
  kind: z.literal('community'),
  tag: z.string().min(1).max(100).optional(),
  type: z.enum(COMMUNITY_TYPES).optional(),
});
const Atom = z.discriminatedUnion('kind', [EventsCondition, TagCondition, CommunityCondition]);
const AnyCondition = z.strictObject({ kind: z.literal('any'), of: z.array(Atom).min(1).max(20) });
export const Condition = z.discriminatedUnion('kind', [
  EventsCondition,
  TagCondition,
  CommunityCondition,
  AnyCondition,
]);
export type Condition = z.infer<typeof Condition>;
export type AtomCondition = z.infer<typeof Atom>;

/** A promotion rule holds when every condition holds. */
const PromotionRule = z.strictObject({ all: z.array(Condition).min(1).max(20) });

export const LadderSettings = z.strictObject({
  tierNames: z.strictObject({
    passerby: z.string().min(1).max(40),
    favorable: z.string().min(1).max(40),
    iron: z.string().min(1).max(40),
    leader: z.string().min(1).max(40),
  }),
  promotion: z.strictObject({ favorable: PromotionRule, iron: PromotionRule }),
  /** No interaction of these types for `inactiveDays` (and as long in the tier) drops one tier; never a leader. */
  demotion: z.strictObject({
    enabled: z.boolean(),
    inactiveDays: z.number().int().min(1).max(3650),
    interactionTypes: z.array(eventType).min(1).max(20),
  }),
  /** What an approved leader (代颜粉) application needs besides the iron tier. */
  leader: z.strictObject({
    /** Leads a community (the group_leader role in one). */
    requireCommunity: z.boolean(),
    /** Selling ability: orders within the window. */
    minOrders: z.number().int().min(0).max(10_000),
    withinDays: z.number().int().min(1).max(3650),
  }),
});
export type LadderSettings = z.infer<typeof LadderSettings>;

export const DEFAULT_LADDER: LadderSettings = {
  tierNames: { passerby: '路人粉', favorable: '好感粉', iron: '铁粉', leader: '代颜粉' },
  promotion: {
    favorable: {
      all: [
        { kind: 'events', types: ['like', 'comment', 'share', 'message'], min: 5, withinDays: 30 },
        {
          kind: 'any',
          of: [
            { kind: 'events', types: ['seeding_accepted'], min: 1, withinDays: 90 },
            { kind: 'tag', name: '接受种草' },
          ],
        },
      ],
    },
    iron: {
      all: [
        {
          kind: 'any',
          of: [
            { kind: 'events', types: ['order'], min: 1, withinDays: 90 },
            { kind: 'community', tag: '品牌' },
            { kind: 'tag', name: '品牌铁粉' },
          ],
        },
      ],
    },
  },
  demotion: {
    enabled: true,
    inactiveDays: 60,
    interactionTypes: [
      'like',
      'comment',
      'share',
      'message',
      'order',
      'seeding_accepted',
      'join_group',
      'click',
      'live_view',
    ],
  },
  leader: { requireCommunity: true, minOrders: 1, withinDays: 90 },
};

export function tierRank(tier: string): number {
  return TIERS.indexOf(tier as Tier);
}

export async function loadLadderSettings(db: Db, workspaceId: string): Promise<LadderSettings> {
  const row = await db
    .selectFrom('ladder_settings')
    .select('settings')
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  return row?.settings ? LadderSettings.parse(JSON.parse(row.settings)) : DEFAULT_LADDER;
}

/** Event types any rule reads: events of other types cannot change a tier. */
export function ruleEventTypes(settings: LadderSettings): Set<string> {
  const types = new Set<string>();
  const visit = (c: Condition) => {
    if (c.kind === 'events') c.types.forEach((t) => types.add(t));
    if (c.kind === 'any') c.of.forEach(visit);
  };
  for (const rule of Object.values(settings.promotion)) rule.all.forEach(visit);
  types.add('join_group');
  return types;
}
