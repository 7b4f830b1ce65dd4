// Plans touches (written by flows, executed by dispatch): idempotent on the idempotency key, so a flow
// step that runs twice plans each message once.
import type { RenderedContent, TouchKind } from '../../channels/channel.js';
import { newId } from '../../platform/ids.js';
import type { Db } from '../../platform/store/database.js';
import { insertValues } from '../../platform/store/insert-rows.js';
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

const COLUMNS = [
  'id',
  'workspace_id',
  'idempotency_key',
  'flow_id',
  'flow_run_id',
  'step_id',
  'kind',
  'account_id',
  'contact_id',
  'group_id',
  'script_id',
  'content',
  'promotion',
  'marketing',
  'state',
  'due_at',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof TouchTable)[];

export async function planTouches(
  db: Db,
  touches: readonly PlannedTouch[],
  now: Date,
): Promise<{ planned: number; existing: number }> {
  const at = now.toISOString();
  // The other columns (attempts, lease, channel ref, errors, holds, sent_at) start at their defaults.
  const values: unknown[] = new Array(touches.length * COLUMNS.length);
  let p = 0;
  let lastDue: Date | null = null;
  let dueIso = '';
  for (const t of touches) {
    // A batch's touches are mostly due at the same moment: one ISO string for all of them.
    if (t.dueAt !== lastDue) dueIso = (lastDue = t.dueAt).toISOString();
    values[p++] = newId('tch', now);
    values[p++] = t.workspaceId;
    values[p++] = t.idempotencyKey;
    values[p++] = t.flowId;
    values[p++] = t.flowRunId;
    values[p++] = t.stepId;
    values[p++] = t.kind;
    values[p++] = t.accountId;
    values[p++] = t.contactId;
    values[p++] = t.groupId;
    values[p++] = t.scriptId;
    values[p++] = JSON.stringify(t.content);
    values[p++] = t.promotion ? 1 : 0;
    values[p++] = t.marketing ? 1 : 0;
    values[p++] = 'planned';
    values[p++] = dueIso;
    values[p++] = at;
    values[p++] = at;
  }
  const { inserted } = await db
    .transaction()
    .execute((trx) =>
      insertValues(trx, 'touches', COLUMNS, values, { tail: 'on conflict (idempotency_key) do nothing' }),
    );
  return { planned: inserted, existing: touches.length - inserted };
}
