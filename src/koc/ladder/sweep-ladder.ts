// The bounded sweep: evaluates the next `batch` contacts (by id) after the workspace's cursor, so time-based
// rules (demotion by inactivity, windows that close) apply to everyone without one run touching a whole
// big workspace. The cursor wraps to 0 when a pass is complete.
import type { Db } from '../../platform/store/database.js';
import { evaluateTiers, type EvaluateReport } from './evaluate-tiers.js';
import './ladder-tables.js';

export const DEFAULT_SWEEP_BATCH = 50_000;

export interface SweepReport extends Omit<EvaluateReport, 'changes'> {
  from: number;
  to: number;
  /** The cursor for the next run; 0 = this run finished a pass. */
  cursor: number;
  passComplete: boolean;
}

export async function sweepLadder(
  db: Db,
  workspaceId: string,
  opts: { now: Date; batch?: number; onListenerError?: (error: unknown) => void },
): Promise<SweepReport> {
  const batch = opts.batch ?? DEFAULT_SWEEP_BATCH;
  const row = await db
    .selectFrom('ladder_settings')
    .select('sweep_cursor')
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  const from = Number(row?.sweep_cursor ?? 0);
  const last = await db
    .selectFrom('contacts')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', '>', from)
    .orderBy('id')
    .limit(1)
    .offset(batch - 1)
    .executeTakeFirst();
  const passComplete = !last;
  const to = last ? Number(last.id) : Number.MAX_SAFE_INTEGER;
  const report = await evaluateTiers(
    db,
    workspaceId,
    { lo: from + 1, hi: to },
    {
      now: opts.now,
      ...(opts.onListenerError ? { onListenerError: opts.onListenerError } : {}),
    },
  );
  const cursor = passComplete ? 0 : to;
  await db
    .insertInto('ladder_settings')
    .values({
      workspace_id: workspaceId,
      settings: null,
      sweep_cursor: cursor,
      updated_at: opts.now.toISOString(),
    })
    .onConflict((oc) => oc.column('workspace_id').doUpdateSet({ sweep_cursor: cursor }))
    .execute();
  const { changes: _changes, ...figures } = report;
  return { ...figures, from, to: passComplete ? from + report.evaluated : to, cursor, passComplete };
}
