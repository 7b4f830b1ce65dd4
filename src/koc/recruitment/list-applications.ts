// A drive's review queue: applications with their threshold verdicts, best score first.
import { maskPhone } from '../../audience/import/normalize-phone.js';
import type { Db } from '../../platform/store/database.js';
import type { Assessment } from './drive-rules.js';
import { findDrive } from './drives.js';

export interface ApplicationView extends Assessment {
  id: string;
  driveId: string;
  name: string;
  phone: string;
  city: string;
  category: string;
  platform: string;
  handle: string;
  followers: number;
  avgReads: number;
  avgLikes: number;
  avgComments: number;
  note: string | null;
  status: string;
  reason: string | null;
  kocId: string | null;
  createdAt: string;
  reviewedAt: string | null;
  reviewedBy: string | null;
}

export async function listApplications(
  db: Db,
  workspaceId: string,
  driveId: string,
  opts: { status?: string | undefined; eligible?: boolean | undefined; seesPii: boolean },
): Promise<ApplicationView[]> {
  await findDrive(db, workspaceId, driveId);
  let q = db
    .selectFrom('koc_applications')
    .selectAll()
    .where('drive_id', '=', driveId)
    .orderBy('score', 'desc')
    .orderBy('id');
  if (opts.status) q = q.where('status', '=', opts.status);
  const rows = await q.execute();
  const views = rows.map((r) => {
    const assessment = JSON.parse(r.verdicts) as Assessment;
    return {
      ...assessment,
      id: r.id,
      driveId: r.drive_id,
      name: r.name,
      phone: opts.seesPii ? r.phone : maskPhone(r.phone),
      city: r.city,
      category: r.category,
      platform: r.platform,
      handle: r.handle,
      followers: r.followers,
      avgReads: r.avg_reads,
      avgLikes: r.avg_likes,
      avgComments: r.avg_comments,
      note: r.note,
      status: r.status,
      reason: r.reason,
      kocId: r.koc_id,
      createdAt: r.created_at,
      reviewedAt: r.reviewed_at,
      reviewedBy: r.reviewed_by,
    };
  });
  return opts.eligible === undefined ? views : views.filter((v) => v.eligible === opts.eligible);
}
