// Operator actions on touches that need a person (unknown fate, dead, held…): mark sent, cancel, retry.
// Audited; the state machine decides what is allowed from where.
import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/store/database.js';
import { toTouchView, type TouchView } from './list-touches.js';
import { operatorTarget, type OperatorAction } from './touch-states.js';
import { updateTouches, type TouchUpdate } from './touch-store.js';

export async function getTouch(db: Db, workspaceId: string, id: string): Promise<TouchView> {
  const row = await db
    .selectFrom('touches')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `touch ${id} not found`, { id });
  return toTouchView(row);
}

export async function actOnTouch(
  db: Db,
  workspaceId: string,
  id: string,
  action: OperatorAction,
  ctx: { actor: string; now: Date },
): Promise<TouchView> {
  const touch = await getTouch(db, workspaceId, id);
  const to = operatorTarget(touch.state, action);
  if (!to) {
    throw new AppError('CONFLICT', `cannot ${action.replace('_', ' ')} a touch that is ${touch.state}`, {
      state: touch.state,
      action,
    });
  }
  const at = ctx.now.toISOString();
  const note = `${action} by ${ctx.actor}`;
  const update: TouchUpdate =
    to === 'sent'
      ? { id, state: 'sent', sentAt: at, lastError: note, heldReason: null, heldUntil: null }
      : to === 'planned'
        ? { id, state: 'planned', dueAt: at, attempts: 0, lastError: note, heldReason: null, heldUntil: null }
        : { id, state: 'cancelled', lastError: note, heldReason: null, heldUntil: null };
  await db.transaction().execute(async (trx) => {
    const changed = await updateTouches(trx, [update], ctx.now, { fromState: touch.state });
    if (changed === 0) throw new AppError('CONFLICT', `touch ${id} changed meanwhile; reload it`, { id });
    await recordAudit(trx, {
      workspaceId,
      actor: ctx.actor,
      action: `touch.${action}`,
      target: id,
      details: { from: touch.state, to },
      at: ctx.now,
    });
  });
  return getTouch(db, workspaceId, id);
}
