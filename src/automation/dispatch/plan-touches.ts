// Plans touches (written by flows, executed by dispatch): idempotent on the idempotency key, so a flow
// step that runs twice plans each message once.
import type { RenderedContent, TouchKind } from '../../channels/channel.js';
import { newId } from '../../platform/ids.js';
import type { Db } from '../../platform/store/database.js';
import type { TouchTable } from './dispatch-tables.js';

export interface PlannedTouch {
  workspaceId: string;
  /** `${flowRunId}:${stepId}:${contactId}` for flows. */
  idempotencyKey: string;
  flowId: string | null;
  flowRunId: string | null;
  stepId: string | null;
  kind: TouchKind;
  accountId: string;
  contactId: number | null;
  groupId: string | null;
  scriptId: string | null;
  content: RenderedContent;
  /** Counted by the promotion-mix guard of groups. */
  promotion: boolean;
  /** Opt-outs stop marketing touches. */
  marketing: boolean;
  dueAt: Date;
}

// 25 columns: 1200 rows stay under SQLite's 32766 parameters per statement.
const CHUNK = 1200;

export async function planTouches(
  db: Db,
  touches: readonly PlannedTouch[],
  now: Date,
): Promise<{ planned: number; existing: number }> {
  let planned = 0;
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < touches.length; i += CHUNK) {
      const rows: TouchTable[] = touches.slice(i, i + CHUNK).map((t) => ({
        id: newId('tch', now),
        workspace_id: t.workspaceId,
        idempotency_key: t.idempotencyKey,
        flow_id: t.flowId,
        flow_run_id: t.flowRunId,
        step_id: t.stepId,
        kind: t.kind,
        account_id: t.accountId,
        contact_id: t.contactId,
        group_id: t.groupId,
        script_id: t.scriptId,
        content: JSON.stringify(t.content),
        promotion: t.promotion ? 1 : 0,
        marketing: t.marketing ? 1 : 0,
        state: 'planned',
        due_at: t.dueAt.toISOString(),
        attempts: 0,
        lease_until: null,
        lease_owner: null,
        channel_ref: null,
        last_error: null,
        held_reason: null,
        held_until: null,
        sent_at: null,
        created_at: at,
        updated_at: at,
      }));
      const r = await trx
        .insertInto('touches')
        .values(rows)
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .executeTakeFirst();
      planned += Number(r.numInsertedOrUpdatedRows ?? 0);
    }
  });
  return { planned, existing: touches.length - planned };
}
