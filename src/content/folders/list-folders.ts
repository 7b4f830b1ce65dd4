import { sql } from 'kysely';
import type { Db } from '../../platform/store/database.js';
import '../content-tables.js';
import type { Folder } from './create-folder.js';

/** Folders by name, with how many live materials each holds. */
export async function listFolders(db: Db, workspaceId: string): Promise<(Folder & { materials: number })[]> {
  const rows = await db
    .selectFrom('material_folders as f')
    .leftJoin('materials as m', (j) => j.onRef('m.folder_id', '=', 'f.id').on('m.deleted_at', 'is', null))
    .select(['f.id', 'f.name', 'f.created_at', sql<number>`count(m.id)`.as('n')])
    .where('f.workspace_id', '=', workspaceId)
    .groupBy(['f.id', 'f.name', 'f.created_at'])
    .orderBy('f.name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, materials: Number(r.n) }));
}
