// The workspace's communities, optionally of one type, holding one contact, or among the given ids.
import type { Db } from '../../platform/store/database.js';
import { communityGroups, toCommunityView, type CommunityView } from './community-view.js';

export async function listCommunities(
  db: Db,
  workspaceId: string,
  filter: {
    type?: string | undefined;
    contactId?: number | undefined;
    ids?: readonly string[] | undefined;
  } = {},
): Promise<CommunityView[]> {
  if (filter.ids?.length === 0) return [];
  let q = db.selectFrom('communities').selectAll().where('workspace_id', '=', workspaceId);
  if (filter.ids) q = q.where('id', 'in', [...filter.ids]);
  if (filter.type) q = q.where('type', '=', filter.type);
  if (filter.contactId !== undefined) {
    const contactId = filter.contactId;
    q = q.where('id', 'in', (eb) =>
      eb
        .selectFrom('community_members')
        .select('community_id')
        .where('workspace_id', '=', workspaceId)
        .where('contact_id', '=', contactId),
    );
  }
  const rows = await q.orderBy('created_at').orderBy('id').execute();
  const groups = await communityGroups(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toCommunityView(r, groups));
}
