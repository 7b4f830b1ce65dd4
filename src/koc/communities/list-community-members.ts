// A community's members with their group and role, a page at a time (keyset on the contact id); with
// `ownerKocId`, only the fans of that KOC.
import type { Db } from '../../platform/store/database.js';
import { findCommunity } from './community-view.js';
import '../../audience/audience-tables.js';

export interface CommunityMemberView {
  contactId: number;
  name: string | null;
  groupId: string;
  role: string;
  joinedAt: string;
}

export async function listCommunityMembers(
  db: Db,
  workspaceId: string,
  communityId: string,
  opts: {
    afterId?: number;
    limit?: number;
    role?: string | undefined;
    ownerKocId?: string | undefined;
  } = {},
): Promise<{ items: CommunityMemberView[]; nextAfter: number | null }> {
  await findCommunity(db, workspaceId, communityId);
  const limit = opts.limit ?? 100;
  let q = db
    .selectFrom('community_members as m')
    .innerJoin('contacts as c', 'c.id', 'm.contact_id')
    .select(['m.contact_id', 'c.name', 'm.group_id', 'm.role', 'm.joined_at'])
    .where('m.community_id', '=', communityId)
    .where('m.contact_id', '>', opts.afterId ?? 0);
  if (opts.role) q = q.where('m.role', '=', opts.role);
  if (opts.ownerKocId !== undefined) q = q.where('c.owner_koc_id', '=', opts.ownerKocId);
  const rows = await q
    .orderBy('m.contact_id')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit).map((r) => ({
    contactId: Number(r.contact_id),
    name: r.name,
    groupId: r.group_id,
    role: r.role,
    joinedAt: r.joined_at,
  }));
  return { items, nextAfter: rows.length > limit ? items[items.length - 1]!.contactId : null };
}
