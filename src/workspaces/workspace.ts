// The workspace as the rest of the code sees it, and lookups shared by its use-cases.
import { AppError } from '../platform/errors.js';
import type { Db, WorkspaceTable } from '../platform/store/database.js';

export interface Workspace {
  id: string;
  slug: string;
  name: string;
  timezone: string;
  createdAt: string;
}

export function toWorkspace(row: WorkspaceTable): Workspace {
  return { id: row.id, slug: row.slug, name: row.name, timezone: row.timezone, createdAt: row.created_at };
}

export async function getWorkspaceBySlug(db: Db, slug: string): Promise<Workspace> {
  const row = await db.selectFrom('workspaces').selectAll().where('slug', '=', slug).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `workspace "${slug}" not found`, { workspace: slug });
  return toWorkspace(row);
}
