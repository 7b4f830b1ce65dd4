// Human tasks created by flows (1:1 follow-ups): listed by status and assignee, completed with a note.
import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { decodeCursor, encodeCursor } from '../../platform/pagination.js';
import type { Db } from '../../platform/store/database.js';
import type { FlowTaskTable } from './flow-tables.js';

export interface TaskView {
  id: string;
  flowId: string;
  runId: string;
  stepId: string;
  contactId: number | null;
  title: string;
  assignee: string | null;
  dueAt: string;
  status: string;
  note: string | null;
  createdAt: string;
  completedAt: string | null;
  completedBy: string | null;
}

function toTaskView(t: FlowTaskTable): TaskView {
  return {
    id: t.id,
    flowId: t.flow_id,
    runId: t.run_id,
    stepId: t.step_id,
    contactId: t.contact_id === null ? null : Number(t.contact_id),
    title: t.title,
    assignee: t.assignee,
    dueAt: t.due_at,
    status: t.status,
    note: t.note,
    createdAt: t.created_at,
    completedAt: t.completed_at,
    completedBy: t.completed_by,
  };
}

export async function listTasks(
  db: Db,
  workspaceId: string,
  opts: {
    status?: string | undefined;
    assignee?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
): Promise<{ items: TaskView[]; nextCursor: string | null }> {
  let q = db.selectFrom('flow_tasks').selectAll().where('workspace_id', '=', workspaceId);
  if (opts.status) q = q.where('status', '=', opts.status);
  if (opts.assignee) q = q.where('assignee', '=', opts.assignee);
  if (opts.cursor) q = q.where('id', '>', String(decodeCursor(opts.cursor, 1)[0]));
  const rows = await q
    .orderBy('id')
    .limit(opts.limit + 1)
    .execute();
  const page = rows.slice(0, opts.limit);
  return {
    items: page.map(toTaskView),
    nextCursor: rows.length > opts.limit ? encodeCursor([page[page.length - 1]!.id]) : null,
  };
}

export async function completeTask(
  db: Db,
  workspaceId: string,
  taskId: string,
  input: { note?: string | undefined },
  ctx: { actor: string; now: Date },
): Promise<TaskView> {
  return db.transaction().execute(async (trx) => {
    const t = await trx
      .selectFrom('flow_tasks')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', taskId)
      .executeTakeFirst();
    if (!t) throw new AppError('NOT_FOUND', `task ${taskId} not found`, { task: taskId });
    if (t.status !== 'open')
      throw new AppError('CONFLICT', `task ${taskId} is already ${t.status}`, { status: t.status });
    const done = {
      status: 'done',
      note: input.note ?? null,
      completed_at: ctx.now.toISOString(),
      completed_by: ctx.actor,
    };
    await trx.updateTable('flow_tasks').set(done).where('id', '=', taskId).execute();
    await recordAudit(trx, {
      workspaceId,
      actor: ctx.actor,
      action: 'flow_task.complete',
      target: taskId,
      at: ctx.now,
    });
    return toTaskView({ ...t, ...done });
  });
}
