// Adds fans to a community: each goes into the first group with room (capacity per group), and when every
// group is full a new overflow group is opened on the owner account. A fan already in the community keeps
// their group and takes the given role. Joins become `join_group` events {communityId, groupId}, and the
// community's welcome script is planned as a welcome touch.
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/store/database.js';
import { ingestContactEvents } from '../ladder/ingest-contact-events.js';
import { MembersInput } from './community-input.js';
import { communityGroups, findCommunity } from './community-view.js';
import { openCommunityGroup } from './open-community-group.js';
import { welcomeMembers } from './welcome-members.js';

export interface JoinReport {
  joined: { contactId: number; groupId: string }[];
  roleChanged: number;
  groupsOpened: number;
}

export async function addCommunityMembers(
  db: Db,
  workspaceId: string,
  communityId: string,
  raw: MembersInput,
  ctx: { now: Date },
): Promise<JoinReport> {
  const input = MembersInput.parse(raw);
  const community = await findCommunity(db, workspaceId, communityId);
  const ids = [...new Set(input.contactIds)];
  const at = ctx.now.toISOString();
  const report = await db.transaction().execute(async (trx) => {
    const live = await trx
      .selectFrom('contacts')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', ids)
      .where('erased_at', 'is', null)
      .where('merged_into', 'is', null)
      .execute();
    const known = new Set(live.map((r) => Number(r.id)));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length > 0)
      throw new AppError('VALIDATION', 'unknown contacts', { contactIds: unknown.slice(0, 20) });
    const existing = await trx
      .selectFrom('community_members')
      .select(['contact_id', 'role'])
      .where('community_id', '=', communityId)
      .where('contact_id', 'in', ids)
      .execute();
    const changeRole = existing.filter((m) => m.role !== input.role).map((m) => Number(m.contact_id));
    if (changeRole.length > 0)
      await trx
        .updateTable('community_members')
        .set({ role: input.role })
        .where('community_id', '=', communityId)
        .where('contact_id', 'in', changeRole)
        .execute();
    const members = new Set(existing.map((m) => Number(m.contact_id)));
    const fresh = ids.filter((id) => !members.has(id));
    const groups = (await communityGroups(trx, [communityId])).map((g) => ({
      id: g.group_id,
      position: g.position,
      room: community.capacity - Number(g.members ?? 0),
    }));
    const joined: JoinReport['joined'] = [];
    let opened = 0;
    for (const contactId of fresh) {
      let group = groups.find((g) => g.room > 0);
      if (!group) {
        const position = Math.max(0, ...groups.map((g) => g.position)) + 1;
        group = {
          id: await openCommunityGroup(trx, community, position, ctx.now),
          position,
          room: community.capacity,
        };
        groups.push(group);
        opened++;
      }
      group.room--;
      joined.push({ contactId, groupId: group.id });
    }
    for (let i = 0; i < joined.length; i += 5_000) {
      const part = joined.slice(i, i + 5_000);
      await trx
        .insertInto('community_members')
        .values(
          part.map((j) => ({
            community_id: communityId,
            contact_id: j.contactId,
            workspace_id: workspaceId,
            group_id: j.groupId,
            role: input.role,
            joined_at: at,
          })),
        )
        .execute();
      await trx
        .insertInto('channel_group_members')
        .values(part.map((j) => ({ group_id: j.groupId, contact_id: j.contactId, joined_at: at })))
        .onConflict((oc) => oc.columns(['group_id', 'contact_id']).doNothing())
        .execute();
    }
    return { joined, roleChanged: changeRole.length, groupsOpened: opened };
  });
  await ingestContactEvents(
    db,
    workspaceId,
    report.joined.map((j) => ({
      id: `join_group:${j.groupId}:${j.contactId}:${ctx.now.getTime()}`,
      contactId: j.contactId,
      type: 'join_group',
      props: { communityId, groupId: j.groupId },
    })),
    ctx.now,
  );
  await welcomeMembers(db, community, report.joined, ctx.now);
  return report;
}
