// Changing a drive's name or thresholds. Pending applications are assessed again under the new rules
// (verdicts and score), so the review queue always reflects the bar in force; reviewed ones keep the
// verdicts they were decided on.
import { z } from 'zod';
import { recordAudit } from '../../platform/audit.js';
import type { Db } from '../../platform/store/database.js';
import { assessApplication, DriveRules } from './drive-rules.js';
import { findDrive, listDrives, type DriveView } from './drives.js';

export const DrivePatch = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  rules: DriveRules.optional(),
});
export type DrivePatch = z.input<typeof DrivePatch>;

export async function updateDrive(
  db: Db,
  workspaceId: string,
  driveId: string,
  patch: DrivePatch,
  opts: { actor: string; now: Date },
): Promise<DriveView & { reassessed: number }> {
  const data = DrivePatch.parse(patch);
  await findDrive(db, workspaceId, driveId);
  let reassessed = 0;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('recruitment_drives')
      .set({
        ...(data.name !== undefined ? { name: data.name } : {}),
        ...(data.rules !== undefined ? { rules: JSON.stringify(data.rules) } : {}),
      })
      .where('id', '=', driveId)
      .execute();
    if (data.rules) {
      const pending = await trx
        .selectFrom('koc_applications')
        .select(['id', 'followers', 'avg_reads', 'avg_likes', 'avg_comments', 'category', 'city'])
        .where('drive_id', '=', driveId)
        .where('status', '=', 'pending')
        .execute();
      for (const a of pending) {
        const assessment = assessApplication(data.rules, {
          followers: a.followers,
          avgReads: a.avg_reads,
          avgLikes: a.avg_likes,
          avgComments: a.avg_comments,
          category: a.category,
          city: a.city,
        });
        await trx
          .updateTable('koc_applications')
          .set({ score: assessment.score, verdicts: JSON.stringify(assessment) })
          .where('id', '=', a.id)
          .execute();
      }
      reassessed = pending.length;
    }
    await recordAudit(trx, {
      workspaceId,
      actor: opts.actor,
      action: 'drive.update',
      target: driveId,
      details: { ...data, reassessed },
      at: opts.now,
    });
  });
  return { ...(await listDrives(db, workspaceId, driveId))[0]!, reassessed };
}
