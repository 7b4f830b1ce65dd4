// One community as the API shows it: its settings, its channel groups in order with their member counts.
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/store/database.js';
import type { CommunityTable } from '../ladder/ladder-tables.js';

export interface CommunityView {
  id: string;
  name: string;
  type: string;
  tags: string[];
  ownerAccountId: string;
  capacity: number;
  welcomeScriptId: string | null;
  tier: string | null;
  groups: { groupId: string; name: string; position: number; members: number }[];
  members: number;
  createdAt: string;
  updatedAt: string;
}

export async function findCommunity(db: Db, workspaceId: string, id: string): Promise<CommunityTable> {
  const row = await db
    .selectFrom('communities')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `community ${id} not found`);
  return row;
}

/** The communities' groups with member counts, in position order. */
export async function communityGroups(db: Db, communityIds: readonly string[]) {
  if (communityIds.length === 0) return [];
  return db
    .selectFrom('community_groups as cg')
    .innerJoin('channel_groups as g', 'g.id', 'cg.group_id')
    .select((eb) => [
      'cg.community_id',
      'cg.group_id',
      'cg.position',
      'g.name',
      eb
        .selectFrom('community_members as m')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('m.group_id', '=', 'cg.group_id')
        .as('members'),
    ])
    .where('cg.community_id', 'in', [...communityIds])
    .orderBy('cg.community_id')
    .orderBy('cg.position')
    .execute();
}

export function toCommunityView(
  row: CommunityTable,
  groups: Awaited<ReturnType<typeof communityGroups>>,
): CommunityView {
  const own = groups
    .filter((g) => g.community_id === row.id)
    .map((g) => ({
      groupId: g.group_id,
      name: g.name,
      position: g.position,
      members: Number(g.members ?? 0),
    }));
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    tags: JSON.parse(row.tags) as string[],
    ownerAccountId: row.owner_account_id,
    capacity: row.capacity,
    welcomeScriptId: row.welcome_script_id,
    tier: row.tier,
    groups: own,
    members: own.reduce((s, g) => s + g.members, 0),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function getCommunity(db: Db, workspaceId: string, id: string): Promise<CommunityView> {
  const row = await findCommunity(db, workspaceId, id);
  return toCommunityView(row, await communityGroups(db, [row.id]));
}
