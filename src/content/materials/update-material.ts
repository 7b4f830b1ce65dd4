// Renames, files or re-tags a material; text and cards may also change their fields (checked as new).
import { z } from 'zod';
import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/store/database.js';
import type { MaterialTable } from '../content-tables.js';
import { parseInput } from '../parse-input.js';
import { CardMaterialInput, cardData, checkCardRefs } from './card-input.js';
import {
  checkFolder,
  findMaterialRow,
  getMaterial,
  MaterialCommon,
  writeMaterialTags,
  type Material,
} from './material-view.js';

export const MaterialPatch = z.strictObject({
  title: MaterialCommon.title.optional(),
  folderId: MaterialCommon.folderId.optional(),
  tags: MaterialCommon.tags.optional(),
  /** Text and cards: their fields, replaced as a whole (e.g. `{ text }` or `{ url, description }`). */
  data: z.record(z.string(), z.unknown()).optional(),
});
export type MaterialPatch = z.input<typeof MaterialPatch>;

export async function updateMaterial(
  db: Db,
  workspaceId: string,
  id: string,
  patch: MaterialPatch,
  ctx: { actor: string; now: Date },
): Promise<Material> {
  const p = MaterialPatch.parse(patch);
  const row = await findMaterialRow(db, workspaceId, id);
  await checkFolder(db, workspaceId, p.folderId);
  const set: Partial<MaterialTable> = { updated_at: ctx.now.toISOString() };
  if (p.title !== undefined) set.title = p.title;
  if (p.folderId !== undefined) set.folder_id = p.folderId;
  if (p.data !== undefined) {
    if (row.file_sha256) {
      throw new AppError(
        'VALIDATION',
        `data: a ${row.kind} material has no fields to change (upload a new file)`,
        {
          field: 'data',
        },
      );
    }
    const card = parseInput(
      CardMaterialInput,
      { ...p.data, kind: row.kind, title: p.title ?? row.title },
      'data',
    );
    const data = cardData(card);
    await checkCardRefs(db, workspaceId, data);
    set.data = JSON.stringify(data);
  }
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('materials').set(set).where('id', '=', id).execute();
    if (p.tags) await writeMaterialTags(trx, workspaceId, id, p.tags);
    await recordAudit(trx, {
      workspaceId,
      actor: ctx.actor,
      action: 'material.update',
      target: id,
      details: { fields: Object.keys(p) },
      at: ctx.now,
    });
  });
  return getMaterial(db, workspaceId, id);
}
