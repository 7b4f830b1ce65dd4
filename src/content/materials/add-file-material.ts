// Adds an image, video or poster: the bytes are checked (type sniffed, size limited by kind), stored
// once by content address, and the material row points at them.
import { z } from 'zod';
import { recordAudit } from '../../platform/audit.js';
import { newId } from '../../platform/ids.js';
import type { Db } from '../../platform/store/database.js';
import { storeFile } from './file-store.js';
import {
  checkFolder,
  getMaterial,
  MaterialCommon,
  writeMaterialTags,
  type Material,
} from './material-view.js';
import { checkFile } from './sniff-file.js';

export const FileMaterialMeta = z.strictObject({
  kind: z.enum(['image', 'video', 'poster']).optional(),
  title: MaterialCommon.title.optional(),
  folderId: MaterialCommon.folderId.optional(),
  tags: MaterialCommon.tags.default([]),
});
export type FileMaterialMeta = z.input<typeof FileMaterialMeta>;

export interface UploadedFile {
  bytes: Uint8Array;
  name?: string | undefined;
  /** What the uploader says it is (checked against the bytes). */
  type?: string | undefined;
}

export async function addFileMaterial(
  db: Db,
  workspaceId: string,
  meta: FileMaterialMeta,
  file: UploadedFile,
  ctx: { actor: string; now: Date; dataDir: string },
): Promise<Material> {
  const m = FileMaterialMeta.parse(meta);
  const { type, kind } = checkFile(file.bytes, { kind: m.kind, declaredType: file.type });
  await checkFolder(db, workspaceId, m.folderId);
  // The file first: a row never points at bytes that are not there (an orphan file is harmless).
  const { sha256 } = await storeFile(ctx.dataDir, file.bytes);
  const id = newId('mat', ctx.now);
  const at = ctx.now.toISOString();
  const title = m.title ?? file.name?.replace(/\.[^.]+$/, '') ?? kind;
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('materials')
      .values({
        id,
        workspace_id: workspaceId,
        kind,
        title: title.slice(0, 200) || kind,
        folder_id: m.folderId ?? null,
        file_sha256: sha256,
        file_size: file.bytes.length,
        mime_type: type,
        file_name: file.name?.slice(0, 255) ?? null,
        data: '{}',
        use_count: 0,
        last_used_at: null,
        created_by: ctx.actor,
        created_at: at,
        updated_at: at,
        deleted_at: null,
      })
      .execute();
    await writeMaterialTags(trx, workspaceId, id, m.tags);
    await recordAudit(trx, {
      workspaceId,
      actor: ctx.actor,
      action: 'material.create',
      target: id,
      details: { kind, sha256, size: file.bytes.length },
      at: ctx.now,
    });
  });
  return getMaterial(db, workspaceId, id);
}
