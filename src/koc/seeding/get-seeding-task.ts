// One seeding task with its assignments (with the KOC's name) and submissions (for one KOC: only its own).
import type { Db } from '../../platform/store/database.js';
import { findTask, toTaskView, type SeedingTaskView } from './seeding-store.js';

export interface SubmissionView {
  id: string;
  kocId: string;
  link: string;
  screenshotMaterialId: string | null;
  reads: number;
  likes: number;
  comments: number;
  status: string;
  reason: string | null;
  submittedAt: string;
  reviewedAt: string | null;
}

export interface SeedingTaskDetail {
  task: SeedingTaskView;
  assignments: { kocId: string; name: string; status: string; assignedAt: string }[];
  submissions: SubmissionView[];
}

export async function getSeedingTask(
  db: Db,
  workspaceId: string,
  taskId: string,
  opts: { kocId?: string | undefined } = {},
): Promise<SeedingTaskDetail> {
  const task = await findTask(db, workspaceId, taskId);
  let a = db
    .selectFrom('seeding_assignments as a')
    .innerJoin('kocs as k', 'k.id', 'a.koc_id')
    .select(['a.koc_id', 'k.name', 'a.status', 'a.assigned_at'])
    .where('a.task_id', '=', taskId)
    .orderBy('a.koc_id');
  let s = db.selectFrom('seeding_submissions').selectAll().where('task_id', '=', taskId).orderBy('id');
  if (opts.kocId !== undefined) {
    a = a.where('a.koc_id', '=', opts.kocId);
    s = s.where('koc_id', '=', opts.kocId);
  }
  return {
    task: toTaskView(task),
    assignments: (await a.execute()).map((r) => ({
      kocId: r.koc_id,
      name: r.name,
      status: r.status,
      assignedAt: r.assigned_at,
    })),
    submissions: (await s.execute()).map((r) => ({
      id: r.id,
      kocId: r.koc_id,
      link: r.link,
      screenshotMaterialId: r.screenshot_material_id,
      reads: r.reads,
      likes: r.likes,
      comments: r.comments,
      status: r.status,
      reason: r.reason,
      submittedAt: r.submitted_at,
      reviewedAt: r.reviewed_at,
    })),
  };
}
