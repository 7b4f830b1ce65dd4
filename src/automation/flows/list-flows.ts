// The workspace's flows (archived ones only when asked), with their current definitions.
import type { Db } from '../../platform/store/database.js';
import { toFlowView, type FlowView } from './flow-store.js';
import './flow-tables.js';

export async function listFlows(
  db: Db,
  workspaceId: string,
  opts: { includeArchived?: boolean } = {},
): Promise<FlowView[]> {
  let q = db.selectFrom('flows').selectAll().where('workspace_id', '=', workspaceId);
  if (!opts.includeArchived) q = q.where('status', '!=', 'archived');
  const rows = await q.orderBy('name').execute();
  return Promise.all(rows.map((r) => toFlowView(db, r)));
}
