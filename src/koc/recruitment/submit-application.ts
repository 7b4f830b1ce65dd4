// A public application to a recruitment drive: validated, refused when the person is already a KOC (by
// phone or social handle) or already applied, assessed against the drive's thresholds and queued.
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Db } from '../../platform/store/database.js';
import { findDuplicateKoc } from '../roster/koc-writes.js';
import { parseApplication } from './application-input.js';
import { assessApplication, DriveRules, type Assessment } from './drive-rules.js';
import { findDrive } from './drives.js';

export async function submitApplication(
  db: Db,
  workspaceId: string,
  driveId: string,
  body: unknown,
  now: Date,
): Promise<{ id: string; status: 'pending' } & Assessment> {
  const drive = await findDrive(db, workspaceId, driveId);
  if (drive.status !== 'open') throw new AppError('CONFLICT', '本次招募已结束，感谢关注', { drive: driveId });
  const a = parseApplication(body);
  const assessment = assessApplication(DriveRules.parse(JSON.parse(drive.rules)), a);
  const id = newId('app', now);
  await db.transaction().execute(async (trx) => {
    const koc = await findDuplicateKoc(trx, workspaceId, a.phone, [a]);
    if (koc) {
      const field = koc.by === 'phone' ? 'phone' : 'handle';
      throw new AppError('CONFLICT', '你已经是我们的 KOC，无需重复申请', {
        fields: { [field]: koc.by === 'phone' ? '该手机号已登记为 KOC' : '该平台账号已登记为 KOC' },
      });
    }
    const applied = await trx
      .selectFrom('koc_applications')
      .select(['phone', 'platform', 'handle'])
      .where('drive_id', '=', driveId)
      .where((eb) =>
        eb.or([
          eb('phone', '=', a.phone),
          eb.and([eb('platform', '=', a.platform), eb('handle', '=', a.handle)]),
        ]),
      )
      .executeTakeFirst();
    if (applied) {
      const field = applied.phone === a.phone ? 'phone' : 'handle';
      throw new AppError('CONFLICT', '你已经提交过申请，请耐心等待审核', {
        fields: { [field]: field === 'phone' ? '该手机号已提交过申请' : '该平台账号已提交过申请' },
      });
    }
    await trx
      .insertInto('koc_applications')
      .values({
        id,
        workspace_id: workspaceId,
        drive_id: driveId,
        name: a.name,
        phone: a.phone,
        city: a.city,
        category: a.category,
        platform: a.platform,
        handle: a.handle,
        followers: a.followers,
        avg_reads: a.avgReads,
        avg_likes: a.avgLikes,
        avg_comments: a.avgComments,
        note: a.note,
        score: assessment.score,
        verdicts: JSON.stringify(assessment),
        status: 'pending',
        reason: null,
        koc_id: null,
        created_at: now.toISOString(),
        reviewed_at: null,
        reviewed_by: null,
      })
      .execute();
  });
  return { id, status: 'pending', ...assessment };
}
