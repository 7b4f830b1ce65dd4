// The koc role's communities: those run from its KOC's staff or robot account and those its contact leads
// (a group_leader member). It sees them and their figures, and of their members only its own fans.
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/store/database.js';
import '../roster/koc-tables.js';
import '../ladder/ladder-tables.js';

export async function kocCommunityIds(db: Db, workspaceId: string, kocId: string): Promise<string[]> {
  const koc = await db
    .selectFrom('kocs')
    .select(['account_id', 'contact_id'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', kocId)
    .executeTakeFirst();
  if (!koc) return [];
  const ids = new Set<string>();
  if (koc.account_id) {
    const owned = await db
      .selectFrom('communities')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('owner_account_id', '=', koc.account_id)
      .execute();
    for (const r of owned) ids.add(r.id);
  }
  if (koc.contact_id !== null) {
    const led = await db
      .selectFrom('community_members')
      .select('community_id')
      .where('workspace_id', '=', workspaceId)
      .where('contact_id', '=', koc.contact_id)
      .where('role', '=', 'group_leader')
      .execute();
    for (const r of led) ids.add(r.community_id);
  }
  return [...ids];
}

/** Refuses (as not found) a community outside the koc caller's own; `kocId` undefined sees them all. */
export async function assertKocCommunity(
  db: Db,
  workspaceId: string,
  communityId: string,
  kocId: string | undefined,
): Promise<void> {
  if (kocId === undefined) return;
  if (!(await kocCommunityIds(db, workspaceId, kocId)).includes(communityId)) {
    throw new AppError('NOT_FOUND', `community ${communityId} not found`);
  }
}
