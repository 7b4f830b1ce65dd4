// Removes fans from a community (and from its channel groups); each departure is a `leave_group` event.
import type { Db } from '../../platform/store/database.js';
import { ingestContactEvents } from '../ladder/ingest-contact-events.js';
import { findCommunity } from './community-view.js';

export async function removeCommunityMembers(
  db: Db,
  workspaceId: string,
  communityId: string,
  contactIds: readonly number[],
  ctx: { now: Date },
): Promise<{ left: number }> {
  await findCommunity(db, workspaceId, communityId);
  const left = await db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('community_members')
      .select(['contact_id', 'group_id'])
      .where('community_id', '=', communityId)
      .where('contact_id', 'in', [...contactIds])
      .execute();
    if (rows.length === 0) return [];
    await trx
      .deleteFrom('community_members')
      .where('community_id', '=', communityId)
      .where('contact_id', 'in', [...contactIds])
      .execute();
    for (const r of rows)
      await trx
        .deleteFrom('channel_group_members')
        .where('group_id', '=', r.group_id)
        .where('contact_id', '=', r.contact_id)
        .execute();
    return rows.map((r) => ({ contactId: Number(r.contact_id), groupId: r.group_id }));
  });
  await ingestContactEvents(
    db,
    workspaceId,
    left.map((l) => ({
      id: `leave_group:${l.groupId}:${l.contactId}:${ctx.now.getTime()}`,
      contactId: l.contactId,
      type: 'leave_group',
      props: { communityId, groupId: l.groupId },
    })),
    ctx.now,
  );
  return { left: left.length };
}
