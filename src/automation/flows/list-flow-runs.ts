// A flow's runs with each contact's state, a page at a time (keyset on the run id), plus counts by state.
import { decodeCursor, encodeCursor } from '../../platform/pagination.js';
import type { Db } from '../../platform/store/database.js';
import { getFlowRow } from './flow-store.js';
import type { RunState } from './flow-tables.js';
import { toRunViews, type RunView } from './run-view.js';

export interface RunsPage {
  items: RunView[];
  nextCursor: string | null;
  counts: Record<string, number>;
}

export async function listFlowRuns(
  db: Db,
  workspaceId: string,
  flowId: string,
  opts: { cursor?: string | undefined; limit: number; state?: RunState | undefined },
): Promise<RunsPage> {
  await getFlowRow(db, workspaceId, flowId);
  let q = db.selectFrom('flow_runs').selectAll().where('flow_id', '=', flowId);
  if (opts.state) q = q.where('state', '=', opts.state);
  if (opts.cursor) q = q.where('id', '>', String(decodeCursor(opts.cursor, 1)[0]));
  const rows = await q
    .orderBy('id')
    .limit(opts.limit + 1)
    .execute();
  const page = rows.slice(0, opts.limit);
  const counts = await db
    .selectFrom('flow_runs')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('flow_id', '=', flowId)
    .groupBy('state')
    .execute();
  return {
    items: await toRunViews(db, page),
    nextCursor: rows.length > opts.limit ? encodeCursor([page[page.length - 1]!.id]) : null,
    counts: Object.fromEntries(counts.map((c) => [c.state, Number(c.n)])),
  };
}

/** Every run of one contact, newest first. */
export async function listContactRuns(db: Db, workspaceId: string, contactId: number): Promise<RunView[]> {
  const rows = await db
    .selectFrom('flow_runs')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', contactId)
    .orderBy('enrolled_at', 'desc')
    .limit(500)
    .execute();
  return toRunViews(db, rows);
}
