// A KOC submits its post for a task it was assigned: the link, a screenshot material and its figures.
// A rejected post may be submitted again; an approved one is final.
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Db } from '../../platform/store/database.js';
import { SubmissionInput } from './seeding-input.js';
import { assertMaterials, findTask } from './seeding-store.js';

export async function submitSeedingPost(
  db: Db,
  workspaceId: string,
  taskId: string,
  kocId: string,
  input: SubmissionInput,
  now: Date,
): Promise<{ id: string; status: string }> {
  const data = SubmissionInput.parse(input);
  if (data.likes + data.comments > data.reads * 100 + 100) {
    throw new AppError('VALIDATION', 'likes and comments are implausible for these reads', {
      field: 'reads',
    });
  }
  return db.transaction().execute(async (trx) => {
    const task = await findTask(trx, workspaceId, taskId);
    if (task.status !== 'open') throw new AppError('CONFLICT', 'the task is closed', { task: taskId });
    const assignment = await trx
      .selectFrom('seeding_assignments')
      .select('status')
      .where('task_id', '=', taskId)
      .where('koc_id', '=', kocId)
      .executeTakeFirst();
    if (!assignment)
      throw new AppError('NOT_FOUND', 'this task is not assigned to this KOC', { task: taskId });
    if (assignment.status === 'approved' || assignment.status === 'submitted') {
      throw new AppError(
        'CONFLICT',
        `a submission is already ${assignment.status === 'approved' ? 'approved' : 'awaiting review'}`,
      );
    }
    if (data.screenshotMaterialId) {
      await assertMaterials(trx, workspaceId, [data.screenshotMaterialId], 'screenshotMaterialId');
    }
    const id = newId('sds', now);
    await trx
      .insertInto('seeding_submissions')
      .values({
        id,
        workspace_id: workspaceId,
        task_id: taskId,
        koc_id: kocId,
        link: data.link,
        screenshot_material_id: data.screenshotMaterialId ?? null,
        reads: data.reads,
        likes: data.likes,
        comments: data.comments,
        status: 'pending',
        reason: null,
        submitted_at: now.toISOString(),
        reviewed_at: null,
      })
      .execute();
    await trx
      .updateTable('seeding_assignments')
      .set({ status: 'submitted' })
      .where('task_id', '=', taskId)
      .where('koc_id', '=', kocId)
      .execute();
    return { id, status: 'pending' };
  });
}
