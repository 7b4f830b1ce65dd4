import type { Db } from '../../platform/store/database.js';
import type { TagGroupView } from './tag-view.js';

export async function listTagGroups(db: Db, workspaceId: string): Promise<TagGroupView[]> {
  const rows = await db
    .selectFrom('tag_groups as g')
    .leftJoin('tags as t', 't.group_id', 'g.id')
    .select(['g.id', 'g.name', 'g.created_at', (eb) => eb.fn.count<number | string>('t.id').as('n')])
    .where('g.workspace_id', '=', workspaceId)
    .groupBy(['g.id', 'g.name', 'g.created_at'])
    .orderBy('g.name')
    .execute();
  return rows.map((g) => ({ id: g.id, name: g.name, tags: Number(g.n), createdAt: g.created_at }));
}
