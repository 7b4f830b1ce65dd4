import { z } from 'zod';
import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Db } from '../../platform/store/database.js';
import '../content-tables.js';

export const NewFolderInput = z.strictObject({ name: z.string().trim().min(1).max(100) });
export type NewFolderInput = z.input<typeof NewFolderInput>;

export interface Folder {
  id: string;
  name: string;
  createdAt: string;
}

export async function createFolder(
  db: Db,
  workspaceId: string,
  input: NewFolderInput,
  ctx: { actor: string; now: Date },
): Promise<Folder> {
  const { name } = NewFolderInput.parse(input);
  const taken = await db
    .selectFrom('material_folders')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('name', '=', name)
    .executeTakeFirst();
  if (taken)
    throw new AppError('CONFLICT', `a folder named "${name}" exists`, { field: 'name', id: taken.id });
  const folder = { id: newId('fld', ctx.now), name, createdAt: ctx.now.toISOString() };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('material_folders')
      .values({ id: folder.id, workspace_id: workspaceId, name, created_at: folder.createdAt })
      .execute();
    await recordAudit(trx, {
      workspaceId,
      actor: ctx.actor,
      action: 'material_folder.create',
      target: folder.id,
      details: { name },
      at: ctx.now,
    });
  });
  return folder;
}
