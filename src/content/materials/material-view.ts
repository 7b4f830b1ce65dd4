// A material as the API and the other domains see it, and what its use-cases share.
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/store/database.js';
import type { MaterialTable } from '../content-tables.js';
import '../content-tables.js';

export const MATERIAL_KINDS = ['text', 'image', 'video', 'poster', 'link', 'miniprogram', 'product'] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];

export const MaterialCommon = {
  title: z.string().trim().min(1).max(200),
  folderId: z.string().min(1).nullable(),
  tags: z.array(z.string().trim().min(1).max(50)).max(20),
};

export interface Material {
  id: string;
  kind: MaterialKind;
  title: string;
  folderId: string | null;
  tags: string[];
  file: { sha256: string; size: number; mimeType: string; name: string | null } | null;
  /** The text (`{ text }`) or the card's fields. */
  data: Record<string, unknown>;
  useCount: number;
  lastUsedAt: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export async function toMaterials(db: Db, rows: MaterialTable[]): Promise<Material[]> {
  const ids = rows.map((r) => r.id);
  const tags = ids.length
    ? await db
        .selectFrom('material_tags')
        .select(['material_id', 'tag'])
        .where('material_id', 'in', ids)
        .execute()
    : [];
  const byMaterial = new Map<string, string[]>();
  for (const t of tags) byMaterial.set(t.material_id, [...(byMaterial.get(t.material_id) ?? []), t.tag]);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as MaterialKind,
    title: r.title,
    folderId: r.folder_id,
    tags: (byMaterial.get(r.id) ?? []).sort(),
    file: r.file_sha256
      ? { sha256: r.file_sha256, size: Number(r.file_size), mimeType: r.mime_type!, name: r.file_name }
      : null,
    data: JSON.parse(r.data) as Record<string, unknown>,
    useCount: Number(r.use_count),
    lastUsedAt: r.last_used_at,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

/** A live (not deleted) material of the workspace. */
export async function findMaterialRow(db: Db, workspaceId: string, id: string): Promise<MaterialTable> {
  const row = await db
    .selectFrom('materials')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `material ${id} not found`, { id });
  return row;
}

export async function getMaterial(db: Db, workspaceId: string, id: string): Promise<Material> {
  const [m] = await toMaterials(db, [await findMaterialRow(db, workspaceId, id)]);
  return m!;
}

export async function checkFolder(db: Db, workspaceId: string, folderId: string | null | undefined) {
  if (!folderId) return;
  const f = await db
    .selectFrom('material_folders')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', folderId)
    .executeTakeFirst();
  if (!f)
    throw new AppError('VALIDATION', `folderId: no folder ${folderId} in this workspace`, {
      field: 'folderId',
    });
}

export async function writeMaterialTags(db: Db, workspaceId: string, materialId: string, tags: string[]) {
  await db.deleteFrom('material_tags').where('material_id', '=', materialId).execute();
  const distinct = [...new Set(tags)];
  if (distinct.length === 0) return;
  await db
    .insertInto('material_tags')
    .values(distinct.map((tag) => ({ material_id: materialId, workspace_id: workspaceId, tag })))
    .execute();
}
