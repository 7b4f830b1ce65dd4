// Every read and write is scoped to a workspace. A caller that is not in the workspace gets NOT_FOUND
// (it must not learn that the workspace exists); one whose role lacks the permission gets FORBIDDEN.
import { AppError } from '../errors.js';
import type { Db, WorkspaceTable } from '../store/database.js';
import type { Principal } from './principal.js';
import { isRole, roleAllows, type Permission, type Role } from './roles.js';

export interface WorkspaceAccess {
  workspace: WorkspaceTable;
  role: Role;
  /** Set for the `koc` role: the KOC whose own data this caller may see. */
  kocId: string | null;
  principal: Principal;
}

export async function resolveWorkspaceAccess(
  db: Db,
  principal: Principal,
  slug: string,
  permission: Permission,
): Promise<WorkspaceAccess> {
  const notFound = new AppError('NOT_FOUND', `workspace "${slug}" not found`, { workspace: slug });
  const workspace = await db.selectFrom('workspaces').selectAll().where('slug', '=', slug).executeTakeFirst();
  if (!workspace) throw notFound;
  let role: Role;
  let kocId: string | null = null;
  if (principal.kind === 'token') {
    if (principal.workspaceId !== workspace.id) throw notFound;
    role = principal.role;
  } else {
    const m = await db
      .selectFrom('memberships')
      .select(['role', 'koc_id'])
      .where('workspace_id', '=', workspace.id)
      .where('user_id', '=', principal.userId)
      .executeTakeFirst();
    if (!m || !isRole(m.role)) throw notFound;
    role = m.role;
    kocId = m.koc_id;
  }
  if (!roleAllows(role, permission)) {
    throw new AppError('FORBIDDEN', `the ${role} role may not ${permission} in this workspace`, {
      role,
      needs: permission,
    });
  }
  return { workspace, role, kocId, principal };
}

/**
 * What a `read:own` route narrows to: undefined for roles that see the whole workspace; for the koc role
 * the id of its linked KOC, or '' (matches nothing) when none is linked, as for a koc API token.
 */
export function kocScope(access: WorkspaceAccess): string | undefined {
  return access.role === 'koc' ? (access.kocId ?? '') : undefined;
}
