// Changes a saved segment's expression or description; the new expression is checked like a new one.
import type { z } from 'zod';
import { recordAudit } from '../../platform/audit.js';
import type { Db } from '../../platform/store/database.js';
import { SegmentInput, checkSegmentExpression, getSegmentByName, toSavedSegment } from './saved-segment.js';
import type { SavedSegment } from './saved-segment.js';

export const SegmentPatch = SegmentInput.pick({ expression: true, description: true }).partial();
export type SegmentPatch = z.infer<typeof SegmentPatch>;

export async function updateSegment(
  db: Db,
  workspaceId: string,
  name: string,
  patch: SegmentPatch,
  ctx: { actor: string; now: Date },
): Promise<SavedSegment> {
  const data = SegmentPatch.parse(patch);
  const current = await getSegmentByName(db, workspaceId, name);
  if (data.expression !== undefined) await checkSegmentExpression(db, workspaceId, name, data.expression);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('segments')
      .set({
        ...(data.expression !== undefined ? { expression: data.expression } : {}),
        ...(data.description !== undefined ? { description: data.description } : {}),
        updated_at: ctx.now.toISOString(),
      })
      .where('id', '=', current.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      workspaceId,
      actor: ctx.actor,
      action: 'segment.update',
      target: row.id,
      details: { name, expression: row.expression },
      at: ctx.now,
    });
    return toSavedSegment(row);
  });
}
