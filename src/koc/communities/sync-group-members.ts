// The hook channel adapters call when a group's membership changes on the channel (WeCom customer groups,
// Wechaty rooms): they report the group's full member list (contact ids) and Guimi applies the
// difference — channel_group_members, and community_members when the group belongs to a community —
// and ingests `join_group` / `leave_group` events {communityId, groupId}. Capacity is not enforced here:
// the channel reports what is, not what Guimi asked for.
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/store/database.js';
import { ingestContactEvents } from '../ladder/ingest-contact-events.js';
import '../../audience/audience-tables.js';
import '../../channels/channel-tables.js';
import '../ladder/ladder-tables.js';

export interface GroupMembersReport {
  communityId: string | null;
  joined: number[];
  left: number[];
}

export async function syncGroupMembers(
  db: Db,
  workspaceId: string,
  groupId: string,
  memberContactIds: readonly number[],
  now: Date,
): Promise<GroupMembersReport> {
  const group = await db
    .selectFrom('channel_groups')
    .leftJoin('community_groups', 'community_groups.group_id', 'channel_groups.id')
    .select(['channel_groups.id', 'community_groups.community_id'])
    .where('channel_groups.workspace_id', '=', workspaceId)
    .where('channel_groups.id', '=', groupId)
    .executeTakeFirst();
  if (!group) throw new AppError('NOT_FOUND', `group ${groupId} not found`);
  const communityId = group.community_id ?? null;
  const at = now.toISOString();
  const report = await db.transaction().execute(async (trx) => {
    const current = new Set(
      (
        await trx
          .selectFrom('channel_group_members')
          .select('contact_id')
          .where('group_id', '=', groupId)
          .execute()
      ).map((r) => Number(r.contact_id)),
    );
    // Ids the channel knows but this workspace does not (not yet imported, erased) are left out.
    const wanted = new Set<number>();
    const ids = [...new Set(memberContactIds)];
    for (let i = 0; i < ids.length; i += 5_000) {
      const rows = await trx
        .selectFrom('contacts')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('id', 'in', ids.slice(i, i + 5_000))
        .where('erased_at', 'is', null)
        .execute();
      for (const r of rows) wanted.add(Number(r.id));
    }
    const joined = [...wanted].filter((id) => !current.has(id));
    const left = [...current].filter((id) => !wanted.has(id));
    for (let i = 0; i < joined.length; i += 5_000) {
      const part = joined.slice(i, i + 5_000);
      await trx
        .insertInto('channel_group_members')
        .values(part.map((contact_id) => ({ group_id: groupId, contact_id, joined_at: at })))
        .execute();
      if (communityId)
        await trx
          .insertInto('community_members')
          .values(
            part.map((contact_id) => ({
              community_id: communityId,
              contact_id,
              workspace_id: workspaceId,
              group_id: groupId,
              role: 'member',
              joined_at: at,
            })),
          )
          // Already in another of the community's groups: the channel says they are here now.
          .onConflict((oc) => oc.columns(['community_id', 'contact_id']).doUpdateSet({ group_id: groupId }))
          .execute();
    }
    for (let i = 0; i < left.length; i += 5_000) {
      const part = left.slice(i, i + 5_000);
      await trx
        .deleteFrom('channel_group_members')
        .where('group_id', '=', groupId)
        .where('contact_id', 'in', part)
        .execute();
      await trx
        .deleteFrom('community_members')
        .where('group_id', '=', groupId)
        .where('contact_id', 'in', part)
        .execute();
    }
    return { communityId, joined, left };
  });
  const event = (type: string, contactId: number) => ({
    id: `${type}:${groupId}:${contactId}:${now.getTime()}`,
    contactId,
    type,
    props: communityId ? { communityId, groupId } : { groupId },
  });
  await ingestContactEvents(
    db,
    workspaceId,
    [
      ...report.joined.map((id) => event('join_group', id)),
      ...report.left.map((id) => event('leave_group', id)),
    ],
    now,
  );
  return report;
}
