// Creates a flow or saves a new version of it. Versions are immutable: a changed definition becomes the
// next version and new runs enroll on it, while runs already going continue on the version they started.
import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Db } from '../../platform/store/database.js';
import { FlowDefinition } from './flow-definition.js';
import { formatPath } from './read-flow-file.js';
import { loadDefinition, nextFire, toFlowView, workspaceTimezone, type FlowView } from './flow-store.js';
import type { FlowStatus } from './flow-tables.js';
import './flow-tables.js';

export interface SaveFlowResult {
  flow: FlowView;
  created: boolean;
  /** A new version was written (false when the definition did not change). */
  versioned: boolean;
}

/** Saves by name, or the flow `flowId` when given (then the name may change). */
export async function saveFlow(
  db: Db,
  workspaceId: string,
  input: unknown,
  ctx: { actor: string; now: Date; flowId?: string },
): Promise<SaveFlowResult> {
  const parsed = FlowDefinition.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
    throw new AppError('VALIDATION', issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues });
  }
  const def = parsed.data;
  const { status, ...stored } = def;
  const text = JSON.stringify(stored);
  const at = ctx.now.toISOString();
  const tz = await workspaceTimezone(db, workspaceId);
  const fire = (s: FlowStatus) =>
    s === 'active' ? (nextFire(def.trigger, ctx.now, tz)?.toISOString() ?? null) : null;
  return db.transaction().execute(async (trx) => {
    const byName = await trx
      .selectFrom('flows')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('name', '=', def.name)
      .executeTakeFirst();
    let row = byName;
    if (ctx.flowId) {
      row = await trx
        .selectFrom('flows')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', ctx.flowId)
        .executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND', `flow ${ctx.flowId} not found`, { flow: ctx.flowId });
      if (byName && byName.id !== row.id)
        throw new AppError('CONFLICT', `another flow is named "${def.name}"`, { field: 'name' });
    }
    if (!row) {
      const id = newId('flw', ctx.now);
      await trx
        .insertInto('flows')
        .values({
          id,
          workspace_id: workspaceId,
          name: def.name,
          status,
          version: 1,
          trigger_kind: def.trigger.type,
          next_fire_at: fire(status),
          created_at: at,
          updated_at: at,
        })
        .execute();
      await trx
        .insertInto('flow_versions')
        .values({
          flow_id: id,
          version: 1,
          workspace_id: workspaceId,
          definition: text,
          created_by: ctx.actor,
          created_at: at,
        })
        .execute();
      await recordAudit(trx, {
        workspaceId,
        actor: ctx.actor,
        action: 'flow.create',
        target: id,
        details: { name: def.name, status },
        at: ctx.now,
      });
      const created = await trx
        .selectFrom('flows')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      return { flow: await toFlowView(trx, created), created: true, versioned: true };
    }
    const current = JSON.stringify(
      await loadDefinition(trx, row.id, row.version).then(({ status: _s, ...rest }) => rest),
    );
    const versioned = current !== text;
    const version = versioned ? row.version + 1 : row.version;
    if (versioned) {
      await trx
        .insertInto('flow_versions')
        .values({
          flow_id: row.id,
          version,
          workspace_id: workspaceId,
          definition: text,
          created_by: ctx.actor,
          created_at: at,
        })
        .execute();
    }
    const keepFire = !versioned && row.status === status;
    await trx
      .updateTable('flows')
      .set({
        name: def.name,
        status,
        version,
        trigger_kind: def.trigger.type,
        next_fire_at: keepFire ? row.next_fire_at : fire(status),
        updated_at: at,
      })
      .where('id', '=', row.id)
      .execute();
    await recordAudit(trx, {
      workspaceId,
      actor: ctx.actor,
      action: 'flow.update',
      target: row.id,
      details: { version, status },
      at: ctx.now,
    });
    const updated = await trx
      .selectFrom('flows')
      .selectAll()
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    return { flow: await toFlowView(trx, updated), created: false, versioned };
  });
}
