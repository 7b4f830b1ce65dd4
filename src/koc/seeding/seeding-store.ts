// Lookups and checks shared by the seeding use-cases.
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/store/database.js';
import type { SeedingTaskTable } from '../roster/koc-tables.js';
import '../../content/content-tables.js';
import '../roster/koc-tables.js';

export async function findTask(db: Db, workspaceId: string, taskId: string): Promise<SeedingTaskTable> {
  const t = await db
    .selectFrom('seeding_tasks')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', taskId)
    .executeTakeFirst();
  if (!t) throw new AppError('NOT_FOUND', `seeding task "${taskId}" not found`, { task: taskId });
  return t;
}

/** Every id must be a live material of the workspace. */
export async function assertMaterials(
  db: Db,
  workspaceId: string,
  ids: readonly string[],
  field: string,
): Promise<void> {
  if (ids.length === 0) return;
  const found = await db
    .selectFrom('materials')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', [...ids])
    .where('deleted_at', 'is', null)
    .execute();
  const known = new Set(found.map((m) => m.id));
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length > 0)
    throw new AppError('NOT_FOUND', `unknown material(s): ${missing.join(', ')}`, { field, missing });
}

export interface SeedingTaskView {
  id: string;
  title: string;
  product: string;
  platform: string;
  dueAt: string;
  brief: string;
  materialIds: string[];
  reward: { kind: string; amount: number };
  status: string;
  createdAt: string;
}

export function toTaskView(t: SeedingTaskTable): SeedingTaskView {
  return {
    id: t.id,
    title: t.title,
    product: t.product,
    platform: t.platform,
    dueAt: t.due_at,
    brief: t.brief,
    materialIds: JSON.parse(t.material_ids) as string[],
    reward: { kind: t.reward_kind, amount: t.reward_amount },
    status: t.status,
    createdAt: t.created_at,
  };
}
