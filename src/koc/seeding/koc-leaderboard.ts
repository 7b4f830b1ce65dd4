// KOC leaderboards (排行榜) over approved seeding posts: by reach (reads) or by interaction
// (likes + comments); ties by KOC id. Interaction rate = interactions / reads.
import { sql } from 'kysely';
import type { Db } from '../../platform/store/database.js';

export interface LeaderboardRow {
  rank: number;
  kocId: string;
  name: string;
  posts: number;
  reads: number;
  interactions: number;
  interactionRate: number | null;
}

export async function kocLeaderboard(
  db: Db,
  workspaceId: string,
  opts: { by: 'reach' | 'interaction'; taskId?: string | undefined; limit: number },
): Promise<LeaderboardRow[]> {
  let q = db
    .selectFrom('seeding_submissions as s')
    .innerJoin('kocs as k', 'k.id', 's.koc_id')
    .select([
      's.koc_id',
      'k.name',
      (eb) => eb.fn.countAll<number>().as('posts'),
      (eb) => eb.fn.sum<number>('s.reads').as('reads'),
      sql<number>`sum(s.likes + s.comments)`.as('interactions'),
    ])
    .where('s.workspace_id', '=', workspaceId)
    .where('s.status', '=', 'approved')
    .groupBy(['s.koc_id', 'k.name']);
  if (opts.taskId) q = q.where('s.task_id', '=', opts.taskId);
  const rows = (await q.execute()).map((r) => ({
    kocId: r.koc_id,
    name: r.name,
    posts: Number(r.posts),
    reads: Number(r.reads),
    interactions: Number(r.interactions),
  }));
  const key = opts.by === 'reach' ? 'reads' : 'interactions';
  rows.sort((a, b) => b[key] - a[key] || (a.kocId < b.kocId ? -1 : 1));
  return rows.slice(0, opts.limit).map((r, i) => ({
    rank: i + 1,
    ...r,
    interactionRate: r.reads > 0 ? r.interactions / r.reads : null,
  }));
}
