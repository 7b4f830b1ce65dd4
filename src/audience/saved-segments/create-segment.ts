// Saves a new segment (or, with `replace`, overwrites the one of that name: the CLI's `segment save`).
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { recordAudit } from '../../platform/audit.js';
import type { Db } from '../../platform/store/database.js';
import { SegmentInput, checkSegmentExpression, toSavedSegment } from './saved-segment.js';
import type { SavedSegment } from './saved-segment.js';

export async function createSegment(
  db: Db,
  workspaceId: string,
  input: SegmentInput,
  ctx: { actor: string; now: Date; replace?: boolean },
): Promise<SavedSegment> {
  const data = SegmentInput.parse(input);
  await checkSegmentExpression(db, workspaceId, data.name, data.expression);
  const now = ctx.now.toISOString();
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('segments')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('name', '=', data.name)
      .executeTakeFirst();
    if (existing && !ctx.replace)
      throw new AppError('CONFLICT', `segment "${data.name}" already exists`, { field: 'name' });
    const row = existing
      ? await trx
          .updateTable('segments')
          .set({ expression: data.expression, description: data.description ?? null, updated_at: now })
          .where('id', '=', existing.id)
          .returningAll()
          .executeTakeFirstOrThrow()
      : await trx
          .insertInto('segments')
          .values({
            id: newId('seg', ctx.now),
            workspace_id: workspaceId,
            name: data.name,
            expression: data.expression,
            description: data.description ?? null,
            created_at: now,
            updated_at: now,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      workspaceId,
      actor: ctx.actor,
      action: existing ? 'segment.update' : 'segment.create',
      target: row.id,
      details: { name: row.name, expression: row.expression },
      at: ctx.now,
    });
    return toSavedSegment(row);
  });
}
