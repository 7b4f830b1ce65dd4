// The flows the engine runs: active ones with their current definitions, and any version a run is on.
import type { Db } from '../../platform/store/database.js';
import type { FlowDefinition } from './flow-definition.js';
import { loadDefinition } from './flow-store.js';
import type { FlowStatus } from './flow-tables.js';

export interface LiveFlow {
  id: string;
  workspaceId: string;
  version: number;
  status: FlowStatus;
  def: FlowDefinition;
  tz: string;
  workspaceName: string;
  nextFireAt: string | null;
}

/** Active flows (of one workspace, or all). */
export async function activeFlows(db: Db, workspaceId?: string): Promise<LiveFlow[]> {
  let q = db
    .selectFrom('flows')
    .innerJoin('workspaces', 'workspaces.id', 'flows.workspace_id')
    .select([
      'flows.id',
      'flows.workspace_id',
      'flows.version',
      'flows.status',
      'flows.next_fire_at',
      'workspaces.timezone',
      'workspaces.name as ws_name',
    ])
    .where('flows.status', '=', 'active');
  if (workspaceId) q = q.where('flows.workspace_id', '=', workspaceId);
  const rows = await q.orderBy('flows.created_at').execute();
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      workspaceId: r.workspace_id,
      version: r.version,
      status: r.status,
      def: await loadDefinition(db, r.id, r.version),
      tz: r.timezone,
      workspaceName: r.ws_name,
      nextFireAt: r.next_fire_at,
    })),
  );
}

/** Loads flow versions on demand, once per engine pass. */
export class VersionCache {
  private readonly cache = new Map<string, Promise<LiveFlow | null>>();

  constructor(private readonly db: Db) {}

  get(flowId: string, version: number): Promise<LiveFlow | null> {
    const key = `${flowId}@${version}`;
    let p = this.cache.get(key);
    if (!p) this.cache.set(key, (p = this.load(flowId, version)));
    return p;
  }

  private async load(flowId: string, version: number): Promise<LiveFlow | null> {
    const r = await this.db
      .selectFrom('flows')
      .innerJoin('workspaces', 'workspaces.id', 'flows.workspace_id')
      .select([
        'flows.workspace_id',
        'flows.status',
        'flows.next_fire_at',
        'workspaces.timezone',
        'workspaces.name as ws_name',
      ])
      .where('flows.id', '=', flowId)
      .executeTakeFirst();
    if (!r) return null;
    const def = await loadDefinition(this.db, flowId, version);
    return {
      id: flowId,
      workspaceId: r.workspace_id,
      version,
      status: r.status,
      def,
      tz: r.timezone,
      workspaceName: r.ws_name,
      nextFireAt: r.next_fire_at,
    };
  }
}
