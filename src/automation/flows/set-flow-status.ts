// Activates, pauses or archives a flow. Pausing stops enrolment and advancement (runs resume where they
// were); archiving also exits the runs still going.
import { recordAudit } from '../../platform/audit.js';
import type { Db } from '../../platform/store/database.js';
import {
  getFlowRow,
  loadDefinition,
  nextFire,
  toFlowView,
  workspaceTimezone,
  type FlowView,
} from './flow-store.js';
import type { FlowStatus } from './flow-tables.js';

export async function setFlowStatus(
  db: Db,
  workspaceId: string,
  flowId: string,
  status: Exclude<FlowStatus, 'draft'>,
  ctx: { actor: string; now: Date },
): Promise<FlowView> {
  const at = ctx.now.toISOString();
  return db.transaction().execute(async (trx) => {
    const row = await getFlowRow(trx, workspaceId, flowId);
    const def = await loadDefinition(trx, row.id, row.version);
    const fire =
      status === 'active'
        ? (nextFire(def.trigger, ctx.now, await workspaceTimezone(trx, workspaceId))?.toISOString() ?? null)
        : null;
    await trx
      .updateTable('flows')
      .set({ status, next_fire_at: fire, updated_at: at })
      .where('id', '=', row.id)
      .execute();
    if (status === 'archived') {
      await trx
        .updateTable('flow_runs')
        .set({
          state: 'exited',
          exit_reason: 'flow_archived',
          next_due_at: null,
          ended_at: at,
          updated_at: at,
        })
        .where('flow_id', '=', row.id)
        .where('state', 'in', ['active', 'waiting'])
        .execute();
    }
    await recordAudit(trx, {
      workspaceId,
      actor: ctx.actor,
      action: `flow.${status}`,
      target: row.id,
      at: ctx.now,
    });
    return toFlowView(trx, { ...row, status, next_fire_at: fire, updated_at: at });
  });
}
