// Seeding tasks, newest first, with assignment counts; for one KOC, only its tasks with its own status.
import type { Db } from '../../platform/store/database.js';
import { toTaskView, type SeedingTaskView } from './seeding-store.js';

export interface SeedingTaskSummary extends SeedingTaskView {
  assigned: number;
  submitted: number;
  approved: number;
  /** Set when listed for one KOC: its assignment's status. */
  myStatus: string | null;
}

export async function listSeedingTasks(
  db: Db,
  workspaceId: string,
  opts: { kocId?: string | undefined } = {},
): Promise<SeedingTaskSummary[]> {
  let q = db
    .selectFrom('seeding_tasks')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('id', 'desc');
  if (opts.kocId !== undefined) {
    const kocId = opts.kocId;
    q = q.where('id', 'in', (eb) =>
      eb.selectFrom('seeding_assignments').select('task_id').where('koc_id', '=', kocId),
    );
  }
  const tasks = await q.execute();
  if (tasks.length === 0) return [];
  const rows = await db
    .selectFrom('seeding_assignments')
    .select(['task_id', 'koc_id', 'status'])
    .where(
      'task_id',
      'in',
      tasks.map((t) => t.id),
    )
    .execute();
  return tasks.map((t) => {
    const mine = rows.filter((r) => r.task_id === t.id);
    const n = (s: string) => mine.filter((r) => r.status === s).length;
    return {
      ...toTaskView(t),
      assigned: mine.length,
      submitted: n('submitted'),
      approved: n('approved'),
      myStatus: opts.kocId === undefined ? null : (mine.find((r) => r.koc_id === opts.kocId)?.status ?? null),
    };
  });
}
