// Runs are inserted in bulk (a million on a big enrollment). Idempotent on (flow, contact, trigger key).
import type { Db } from '../../platform/store/database.js';
import { insertValues } from '../../platform/store/insert-rows.js';
import type { FlowRunTable } from './flow-tables.js';
import type { RunUpdate } from './run-steps.js';

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

/** `moved`: runs already advanced (by id), inserted in their new state as of `at`. */
export async function insertRuns(
  db: Db,
  runs: readonly FlowRunTable[],
  moved?: { updates: Map<string, RunUpdate>; at: string },
): Promise<void> {
  const values: unknown[] = new Array(runs.length * COLUMNS.length);
  let p = 0;
  for (const r of runs) {
    const s = moved?.updates.get(r.id) ?? r;
    values[p++] = r.id;
    values[p++] = r.workspace_id;
    values[p++] = r.flow_id;
    values[p++] = r.version;
    values[p++] = r.contact_id;
    values[p++] = r.trigger_key;
    values[p++] = s.state;
    values[p++] = s.step_index;
    values[p++] = s.next_due_at;
    values[p++] = s.waiting_for;
    values[p++] = s.wait_started_at;
    values[p++] = s.exit_reason;
    values[p++] = r.enrolled_at;
    values[p++] = moved ? moved.at : r.updated_at;
    values[p++] = s.ended_at;
  }
  await insertValues(db, 'flow_runs', COLUMNS, values, {
    tail: 'on conflict (flow_id, contact_id, trigger_key) do nothing',
  });
}
