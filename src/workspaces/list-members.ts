import type { Db } from '../platform/store/database.js';
import { memberQuery, type Member } from './members.js';

export function listMembers(db: Db, workspaceId: string): Promise<Member[]> {
  return memberQuery(db, workspaceId).orderBy('memberships.created_at').orderBy('users.email').execute();
}
