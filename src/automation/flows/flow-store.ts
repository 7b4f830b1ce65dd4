// Reading flows and their versions, shared by the use-cases and the engine.
import cronParser from 'cron-parser';
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/store/database.js';
import { FlowDefinition, type FlowTrigger } from './flow-definition.js';
import type { FlowStatus, FlowTable } from './flow-tables.js';
import { dueAt, parseSchedule } from './schedule.js';

export interface FlowView {
  id: string;
  name: string;
  status: FlowStatus;
  version: number;
  triggerKind: string;
  nextFireAt: string | null;
  createdAt: string;
  updatedAt: string;
  definition: FlowDefinition;
}

export async function getFlowRow(db: Db, workspaceId: string, id: string): Promise<FlowTable> {
  const row = await db
    .selectFrom('flows')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `flow ${id} not found`, { flow: id });
  return row;
}

export async function loadDefinition(db: Db, flowId: string, version: number): Promise<FlowDefinition> {
  const v = await db
    .selectFrom('flow_versions')
    .select('definition')
    .where('flow_id', '=', flowId)
    .where('version', '=', version)
    .executeTakeFirstOrThrow();
  return FlowDefinition.parse(JSON.parse(v.definition));
}

export async function toFlowView(db: Db, row: FlowTable): Promise<FlowView> {
  const definition = await loadDefinition(db, row.id, row.version);
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    version: row.version,
    triggerKind: row.trigger_kind,
    nextFireAt: row.next_fire_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    definition: { ...definition, status: row.status === 'archived' ? 'paused' : row.status },
  };
}

/** When a date or cron trigger fires next after `after` (null: other triggers, or a date already past). */
export function nextFire(trigger: FlowTrigger, after: Date, tz: string): Date | null {
  if (trigger.type === 'date') {
    const at = dueAt(parseSchedule(trigger.at)!, after, tz);
    return at.getTime() > after.getTime() ? at : null;
  }
  if (trigger.type === 'cron') {
    try {
      return cronParser.parseExpression(trigger.cron, { currentDate: after, tz }).next().toDate();
    } catch (e) {
      throw new AppError('VALIDATION', `trigger.cron: ${(e as Error).message}`, {
        issues: [{ path: 'trigger.cron', message: (e as Error).message }],
      });
    }
  }
  return null;
}

export async function workspaceTimezone(db: Db, workspaceId: string): Promise<string> {
  const ws = await db
    .selectFrom('workspaces')
    .select('timezone')
    .where('id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  return ws.timezone;
}
