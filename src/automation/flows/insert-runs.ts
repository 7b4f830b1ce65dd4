// Multi-row INSERT of runs written by hand: enrolling a million contacts must not pay the query
// builder's per-value cost. Idempotent on (flow, contact, trigger key).
import { CompiledQuery } from 'kysely';
import type { Db } from '../../platform/store/database.js';
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
// 15 parameters a row: 2000 rows stay under SQLite's 32766 per statement.
const CHUNK = 2000;

export async function insertRuns(db: Db, pg: boolean, runs: readonly FlowRunTable[]): Promise<void> {
  const width = COLUMNS.length;
  for (let i = 0; i < runs.length; i += CHUNK) {
    const chunk = runs.slice(i, i + CHUNK);
    const params: unknown[] = [];
    const rows: string[] = [];
    for (const r of chunk) {
      const base = params.length;
      for (const c of COLUMNS) params.push(r[c]);
      rows.push(
        pg ? `(${COLUMNS.map((_, k) => `$${base + k + 1}`).join(',')})` : `(${'?,'.repeat(width - 1)}?)`,
      );
    }
    const text = `insert into flow_runs (${COLUMNS.join(', ')}) values ${rows.join(',')} on conflict (flow_id, contact_id, trigger_key) do nothing`;
    await db.executeQuery(CompiledQuery.raw(text, params));
  }
}
