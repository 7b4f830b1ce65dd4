// Assigns a seeding task to chosen KOCs (active ones only); assigning again is a no-op.
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/store/database.js';
import { findTask } from './seeding-store.js';

export async function assignSeedingTask(
  db: Db,
  workspaceId: string,
  taskId: string,
  kocIds: readonly string[],
  now: Date,
): Promise<{ assigned: number; already: number }> {
  const ids = [...new Set(kocIds)];
  return db.transaction().execute(async (trx) => {
    const task = await findTask(trx, workspaceId, taskId);
    if (task.status !== 'open') throw new AppError('CONFLICT', 'the task is closed', { task: taskId });
    const kocs = await trx
      .selectFrom('kocs')
      .select(['id', 'status'])
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', ids)
      .execute();
    const status = new Map(kocs.map((k) => [k.id, k.status]));
    const missing = ids.filter((id) => !status.has(id));
    if (missing.length) throw new AppError('NOT_FOUND', `unknown KOC(s): ${missing.join(', ')}`, { missing });
    const inactive = ids.filter((id) => status.get(id) !== 'active');
    if (inactive.length) {
      throw new AppError('CONFLICT', `only active KOCs can take tasks: ${inactive.join(', ')}`, { inactive });
    }
    const existing = await trx
      .selectFrom('seeding_assignments')
      .select('koc_id')
      .where('task_id', '=', taskId)
      .where('koc_id', 'in', ids)
      .execute();
    const have = new Set(existing.map((e) => e.koc_id));
    const fresh = ids.filter((id) => !have.has(id));
    if (fresh.length) {
      await trx
        .insertInto('seeding_assignments')
        .values(
          fresh.map((kocId) => ({
            task_id: taskId,
            koc_id: kocId,
            workspace_id: workspaceId,
            status: 'assigned',
            assigned_at: now.toISOString(),
          })),
        )
        .execute();
    }
    return { assigned: fresh.length, already: have.size };
  });
}
