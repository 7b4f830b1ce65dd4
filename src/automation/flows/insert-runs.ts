// Runs are inserted in bulk (a million on a big enrollment). Idempotent on (flow, contact, trigger key).
import type { Db } from '../../platform/store/database.js';
import { insertRows } from '../../platform/store/insert-rows.js';
import type { FlowRunTable } from './flow-tables.js';

const COLUMNS = [
  'id',
  'workspace_id',
  'flow_id',
  'version',
  'contact_id',
  'trigger_key',
  'state',
  'step_index',
  'next_due_at',
  'waiting_for',
  'wait_started_at',
  'exit_reason',
  'enrolled_at',
  'updated_at',
  'ended_at',
] as const satisfies readonly (keyof FlowRunTable)[];

export async function insertRuns(db: Db, runs: readonly FlowRunTable[]): Promise<void> {
  await insertRows(
    db,
    'flow_runs',
    COLUMNS,
    runs.map((r) => COLUMNS.map((c) => r[c])),
    { tail: 'on conflict (flow_id, contact_id, trigger_key) do nothing' },
  );
}
