import type { Db } from '../platform/store/database.js';
import { toWorkspace, type Workspace } from './workspace.js';

/** All workspaces of this Guimi (for the operator's CLI). */
export async function listWorkspaces(db: Db): Promise<Workspace[]> {
  const rows = await db.selectFrom('workspaces').selectAll().orderBy('slug').execute();
  return rows.map(toWorkspace);
}

/** The workspaces a console user belongs to, with their role in each. */
export async function listUserWorkspaces(db: Db, userId: string): Promise<(Workspace & { role: string })[]> {
  const rows = await db
    .selectFrom('workspaces')
    .innerJoin('memberships', 'memberships.workspace_id', 'workspaces.id')
    .selectAll('workspaces')
    .select('memberships.role')
    .where('memberships.user_id', '=', userId)
    .orderBy('workspaces.name')
    .execute();
  return rows.map((r) => ({ ...toWorkspace(r), role: r.role }));
}
