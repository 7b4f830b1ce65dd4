// Deletes a saved segment, unless another saved segment still refers to it.
import { AppError } from '../../platform/errors.js';
import { recordAudit } from '../../platform/audit.js';
import type { Db } from '../../platform/store/database.js';
import { parseSegment } from '../segments/parse-segment.js';
import { refersToSaved } from './load-segment-resolver.js';
import { getSegmentByName } from './saved-segment.js';

export async function deleteSegment(
  db: Db,
  workspaceId: string,
  name: string,
  ctx: { actor: string; now: Date },
): Promise<void> {
  const segment = await getSegmentByName(db, workspaceId, name);
  const others = await db
    .selectFrom('segments')
    .select(['name', 'expression'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '!=', segment.id)
    .execute();
  const users = others.filter((s) => refersToSaved(parseSegment(s.expression), name)).map((s) => s.name);
  if (users.length > 0)
    throw new AppError('CONFLICT', `segment "${name}" is used by ${users.join(', ')}`, { usedBy: users });
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('segments').where('id', '=', segment.id).execute();
    await recordAudit(trx, {
      workspaceId,
      actor: ctx.actor,
      action: 'segment.delete',
      target: segment.id,
      details: { name },
      at: ctx.now,
    });
  });
}
