// Recruitment drives: create, list, look up.
import { z } from 'zod';
import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Db } from '../../platform/store/database.js';
import { KOC_KINDS } from '../roster/koc-input.js';
import type { RecruitmentDriveTable } from '../roster/koc-tables.js';
import { DriveRules } from './drive-rules.js';
import '../roster/koc-tables.js';

export const NewDriveInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(KOC_KINDS).default('user'),
  rules: DriveRules.default(DriveRules.parse({})),
});
export type NewDriveInput = z.input<typeof NewDriveInput>;

export interface DriveView {
  id: string;
  name: string;
  kind: string;
  rules: DriveRules;
  status: string;
  createdAt: string;
  applications: { pending: number; approved: number; rejected: number };
}

export async function findDrive(
  db: Db,
  workspaceId: string,
  driveId: string,
): Promise<RecruitmentDriveTable> {
  const d = await db
    .selectFrom('recruitment_drives')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', driveId)
    .executeTakeFirst();
  if (!d) throw new AppError('NOT_FOUND', `recruitment drive "${driveId}" not found`, { drive: driveId });
  return d;
}

export async function createDrive(
  db: Db,
  workspaceId: string,
  input: NewDriveInput,
  opts: { actor: string; now: Date },
): Promise<DriveView> {
  const data = NewDriveInput.parse(input);
  const id = newId('drv', opts.now);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('recruitment_drives')
      .values({
        id,
        workspace_id: workspaceId,
        name: data.name,
        kind: data.kind,
        rules: JSON.stringify(data.rules),
        status: 'open',
        created_at: opts.now.toISOString(),
      })
      .execute();
    await recordAudit(trx, {
      workspaceId,
      actor: opts.actor,
      action: 'drive.create',
      target: id,
      at: opts.now,
    });
  });
  return (await listDrives(db, workspaceId, id))[0]!;
}

export async function setDriveStatus(
  db: Db,
  workspaceId: string,
  driveId: string,
  status: 'open' | 'closed',
): Promise<DriveView> {
  await findDrive(db, workspaceId, driveId);
  await db.updateTable('recruitment_drives').set({ status }).where('id', '=', driveId).execute();
  return (await listDrives(db, workspaceId, driveId))[0]!;
}

/** Drives, newest first, with their applications by status. */
export async function listDrives(db: Db, workspaceId: string, onlyId?: string): Promise<DriveView[]> {
  let q = db
    .selectFrom('recruitment_drives')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('id', 'desc');
  if (onlyId) q = q.where('id', '=', onlyId);
  const drives = await q.execute();
  const counts = await db
    .selectFrom('koc_applications')
    .select(['drive_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('workspace_id', '=', workspaceId)
    .groupBy(['drive_id', 'status'])
    .execute();
  const n = (d: string, s: string) => Number(counts.find((c) => c.drive_id === d && c.status === s)?.n ?? 0);
  return drives.map((d) => ({
    id: d.id,
    name: d.name,
    kind: d.kind,
    rules: DriveRules.parse(JSON.parse(d.rules)),
    status: d.status,
    createdAt: d.created_at,
    applications: {
      pending: n(d.id, 'pending'),
      approved: n(d.id, 'approved'),
      rejected: n(d.id, 'rejected'),
    },
  }));
}
