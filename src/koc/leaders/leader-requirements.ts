// What a KOC needs to become a group leader (团长): enough fans of its own, posts that are read, and
// interaction. These verdicts join the ladder's checks (iron tier, a community of its own, orders) on the
// leader application of the KOC's contact: one application makes the fan a leader (代"颜"粉) and the KOC a
// group leader (see ../ladder/review-leader-application.ts).
import type { Db } from '../../platform/store/database.js';
import '../roster/koc-tables.js';

export const LEADER_REQUIREMENTS = {
  /** Contacts attributed to the KOC. */
  minFans: 100,
  /** Best average reads over its social accounts. */
  minAvgReads: 500,
  /** Best (likes + comments) / reads over its social accounts. */
  minInteractionRate: 0.03,
} as const;

export interface LeaderVerdict {
  rule: 'fans' | 'avgReads' | 'interactionRate';
  required: number;
  actual: number;
  pass: boolean;
}

export async function hasTable(db: Db, name: string): Promise<boolean> {
  const tables = await db.introspection.getTables();
  return tables.some((t) => t.name === name);
}

export async function assessLeader(db: Db, workspaceId: string, kocId: string): Promise<LeaderVerdict[]> {
  const fans = await db
    .selectFrom('contacts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('owner_koc_id', '=', kocId)
    .where('erased_at', 'is', null)
    .where('merged_into', 'is', null)
    .executeTakeFirstOrThrow();
  const socials = await db
    .selectFrom('koc_social_accounts')
    .selectAll()
    .where('koc_id', '=', kocId)
    .execute();
  const reads = Math.max(0, ...socials.map((s) => s.avg_reads));
  const rate = Math.max(
    0,
    ...socials.map((s) => (s.avg_reads > 0 ? (s.avg_likes + s.avg_comments) / s.avg_reads : 0)),
  );
  const r = LEADER_REQUIREMENTS;
  return [
    { rule: 'fans', required: r.minFans, actual: Number(fans.n), pass: Number(fans.n) >= r.minFans },
    { rule: 'avgReads', required: r.minAvgReads, actual: reads, pass: reads >= r.minAvgReads },
    {
      rule: 'interactionRate',
      required: r.minInteractionRate,
      actual: Math.round(rate * 10_000) / 10_000,
      pass: rate >= r.minInteractionRate,
    },
  ];
}
