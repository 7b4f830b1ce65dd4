// A community's next channel group (the first one, or an overflow group when the others are full), owned
// by the community's account so dispatch can send to it like any other group.
import { newId } from '../../platform/ids.js';
import type { Db } from '../../platform/store/database.js';
import type { CommunityTable } from '../ladder/ladder-tables.js';
import '../../channels/channel-tables.js';

export async function openCommunityGroup(
  trx: Db,
  community: Pick<CommunityTable, 'id' | 'workspace_id' | 'owner_account_id' | 'name'>,
  position: number,
  now: Date,
): Promise<string> {
  const id = newId('grp', now);
  await trx
    .insertInto('channel_groups')
    .values({
      id,
      workspace_id: community.workspace_id,
      account_id: community.owner_account_id,
      name: position === 1 ? community.name : `${community.name} ${position}群`,
      created_at: now.toISOString(),
    })
    .execute();
  await trx
    .insertInto('community_groups')
    .values({ group_id: id, community_id: community.id, position })
    .execute();
  return id;
}
