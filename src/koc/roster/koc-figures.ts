// A KOC's own figures: fans, seeding tasks by status, approved posts' reach and interactions, rewards.
import type { Db } from '../../platform/store/database.js';
import './koc-tables.js';

export interface KocFigures {
  fans: number;
  tasks: { assigned: number; submitted: number; approved: number; rejected: number };
  reads: number;
  interactions: number;
  rewards: { points: number; money: number };
}

export async function kocFigures(db: Db, workspaceId: string, kocId: string): Promise<KocFigures> {
  const fans = await db
    .selectFrom('contacts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('owner_koc_id', '=', kocId)
    .where('erased_at', 'is', null)
    .where('merged_into', 'is', null)
    .executeTakeFirstOrThrow();
  const tasks = await db
    .selectFrom('seeding_assignments')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('koc_id', '=', kocId)
    .groupBy('status')
    .execute();
  const posts = await db
    .selectFrom('seeding_submissions')
    .select([
      (eb) => eb.fn.sum<number>('reads').as('reads'),
      (eb) => eb.fn.sum<number>('likes').as('likes'),
      (eb) => eb.fn.sum<number>('comments').as('comments'),
    ])
    .where('koc_id', '=', kocId)
    .where('status', '=', 'approved')
    .executeTakeFirstOrThrow();
  const rewards = await db
    .selectFrom('koc_rewards')
    .select(['kind', (eb) => eb.fn.sum<number>('amount').as('total')])
    .where('koc_id', '=', kocId)
    .groupBy('kind')
    .execute();
  const byStatus = (s: string) => Number(tasks.find((t) => t.status === s)?.n ?? 0);
  const reward = (k: string) => Number(rewards.find((r) => r.kind === k)?.total ?? 0);
  return {
    fans: Number(fans.n),
    tasks: {
      assigned: tasks.reduce((s, t) => s + Number(t.n), 0),
      submitted: byStatus('submitted'),
      approved: byStatus('approved'),
      rejected: byStatus('rejected'),
    },
    reads: Number(posts.reads ?? 0),
    interactions: Number(posts.likes ?? 0) + Number(posts.comments ?? 0),
    rewards: { points: reward('points'), money: reward('money') },
  };
}
