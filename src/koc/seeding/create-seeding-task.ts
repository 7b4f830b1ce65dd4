// Creates a seeding task: post about a product on a platform by a date, with a brief and materials.
import { recordAudit } from '../../platform/audit.js';
import { newId } from '../../platform/ids.js';
import type { Db } from '../../platform/store/database.js';
import { NewSeedingTaskInput } from './seeding-input.js';
import { assertMaterials, findTask, toTaskView, type SeedingTaskView } from './seeding-store.js';

export async function createSeedingTask(
  db: Db,
  workspaceId: string,
  input: NewSeedingTaskInput,
  opts: { actor: string; now: Date },
): Promise<SeedingTaskView> {
  const data = NewSeedingTaskInput.parse(input);
  const id = newId('sdt', opts.now);
  await db.transaction().execute(async (trx) => {
    await assertMaterials(trx, workspaceId, data.materialIds, 'materialIds');
    await trx
      .insertInto('seeding_tasks')
      .values({
        id,
        workspace_id: workspaceId,
        title: data.title,
        product: data.product,
        platform: data.platform,
        due_at: new Date(data.dueAt).toISOString(),
        brief: data.brief,
        material_ids: JSON.stringify(data.materialIds),
        reward_kind: data.reward.kind,
        reward_amount: data.reward.amount,
        status: 'open',
        created_at: opts.now.toISOString(),
      })
      .execute();
    await recordAudit(trx, {
      workspaceId,
      actor: opts.actor,
      action: 'seeding.create',
      target: id,
      at: opts.now,
    });
  });
  return toTaskView(await findTask(db, workspaceId, id));
}
