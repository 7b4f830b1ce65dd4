// Rotates a group code by hand: its next group opens now and new fans go there (the automatic rotation
// waits until the current group is full). Only active group codes rotate.
import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/store/database.js';
import { findCodeRow } from './code-view.js';
import { currentGroup } from './current-group.js';

export async function rotateGroupCode(
  db: Db,
  workspaceId: string,
  id: string,
  ctx: { actor: string; now: Date },
): Promise<{ groupId: string }> {
  const code = await findCodeRow(db, workspaceId, id);
  if (code.kind !== 'group') throw new AppError('CONFLICT', 'only group codes rotate', { id });
  if (code.status !== 'active') throw new AppError('CONFLICT', 'an archived code does not rotate', { id });
  const { groupId } = await currentGroup(db, code, ctx.now, { force: true });
  await recordAudit(db, {
    workspaceId,
    actor: ctx.actor,
    action: 'acquisition.code.rotate',
    target: id,
    details: { groupId },
    at: ctx.now,
  });
  return { groupId };
}
