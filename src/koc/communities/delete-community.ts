// Deletes a community with its members and its channel groups (the groups' touches stay in the log).
import { recordAudit } from '../../platform/audit.js';
import type { Db } from '../../platform/store/database.js';
import { findCommunity } from './community-view.js';

export async function deleteCommunity(
  db: Db,
  workspaceId: string,
  id: string,
  ctx: { actor: string; now: Date },
): Promise<void> {
  const row = await findCommunity(db, workspaceId, id);
  await db.transaction().execute(async (trx) => {
    const groups = await trx
      .selectFrom('community_groups')
      .select('group_id')
      .where('community_id', '=', id)
      .execute();
    await trx.deleteFrom('community_members').where('community_id', '=', id).execute();
    await trx.deleteFrom('community_groups').where('community_id', '=', id).execute();
    const ids = groups.map((g) => g.group_id);
    if (ids.length > 0) {
      await trx.deleteFrom('channel_group_members').where('group_id', 'in', ids).execute();
      await trx.deleteFrom('channel_groups').where('id', 'in', ids).execute();
    }
    await trx.deleteFrom('communities').where('id', '=', id).execute();
    await recordAudit(trx, {
      workspaceId,
      actor: ctx.actor,
      action: 'community.delete',
      target: id,
      details: { name: row.name, groups: ids.length },
      at: ctx.now,
    });
  });
}
