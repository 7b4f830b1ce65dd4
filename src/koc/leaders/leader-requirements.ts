// What a KOC needs to become a group leader (团长): enough fans of its own, posts that are read, and
// interaction. When the fan ladder's tier table is installed, its linked contact must also be on the
// leader tier (代"颜"粉); without that table the tier is not part of the verdict.
import { sql } from 'kysely';
import type { Db } from '../../platform/store/database.js';
import { findKoc } from '../roster/koc-view.js';

export const LEADER_REQUIREMENTS = {
  /** Contacts attributed to the KOC. */
  minFans: 100,
  /** Best average reads over its social accounts. */
  minAvgReads: 500,
  /** Best (likes + comments) / reads over its social accounts. */
  minInteractionRate: 0.03,
} as const;

export interface LeaderVerdict {
  rule: 'fans' | 'avgReads' | 'interactionRate' | 'tier';
  required: number | string;
  actual: number | string | null;
  pass: boolean;
}

export async function hasTable(db: Db, name: string): Promise<boolean> {
  const tables = await db.introspection.getTables();
  return tables.some((t) => t.name === name);
}

export async function assessLeader(db: Db, workspaceId: string, kocId: string): Promise<LeaderVerdict[]> {
  const koc = await findKoc(db, workspaceId, kocId);
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
  const verdicts: LeaderVerdict[] = [
    { rule: 'fans', required: r.minFans, actual: Number(fans.n), pass: Number(fans.n) >= r.minFans },
    { rule: 'avgReads', required: r.minAvgReads, actual: reads, pass: reads >= r.minAvgReads },
    {
      rule: 'interactionRate',
      required: r.minInteractionRate,
      actual: Math.round(rate * 10_000) / 10_000,
      pass: rate >= r.minInteractionRate,
    },
  ];
  if (await hasTable(db, 'contact_tiers')) {
    const tier = koc.contact_id
      ? await sql<{
          tier: string;
        }>`select tier from contact_tiers where contact_id = ${koc.contact_id}`.execute(db)
      : { rows: [] };
    const actual = tier.rows[0]?.tier ?? null;
    verdicts.push({ rule: 'tier', required: 'leader', actual, pass: actual === 'leader' });
  }
  return verdicts;
}
