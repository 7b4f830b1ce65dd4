// The member as the API shows it, and the last-owner rule shared by role changes and removals.
import { AppError } from '../platform/errors.js';
import type { Db } from '../platform/store/database.js';

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: string;
  createdAt: string;
}

export function memberQuery(db: Db, workspaceId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'users.id as userId',
      'users.email as email',
      'users.name as name',
      'memberships.role as role',
      'memberships.created_at as createdAt',
    ])
    .where('memberships.workspace_id', '=', workspaceId);
}

export async function getMember(db: Db, workspaceId: string, userId: string): Promise<Member> {
  const m = await memberQuery(db, workspaceId).where('users.id', '=', userId).executeTakeFirst();
  if (!m) throw new AppError('NOT_FOUND', `member ${userId} not found in this workspace`, { userId });
  return m;
}

/** A workspace always keeps at least one owner. */
export async function assertNotLastOwner(db: Db, workspaceId: string, userId: string): Promise<void> {
  const owners = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'owner')
    .execute();
  if (owners.length === 1 && owners[0]!.user_id === userId) {
    throw new AppError('CONFLICT', 'a workspace needs at least one owner; make someone else owner first');
  }
}
