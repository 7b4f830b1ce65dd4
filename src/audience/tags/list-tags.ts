import type { Db } from '../../platform/store/database.js';
import type { TagView } from './tag-view.js';

/** Tags by name with their member counts; `groupId` narrows to one group. */
export async function listTags(db: Db, workspaceId: string, groupId?: string): Promise<TagView[]> {
  let q = db
    .selectFrom('tags as t')
    .leftJoin('contact_tags as ct', 'ct.tag_id', 't.id')
    .select([
      't.id',
      't.name',
      't.group_id',
      't.created_at',
      (eb) => eb.fn.count<number | string>('ct.contact_id').as('n'),
    ])
    .where('t.workspace_id', '=', workspaceId)
    .groupBy(['t.id', 't.name', 't.group_id', 't.created_at'])
    .orderBy('t.name');
  if (groupId) q = q.where('t.group_id', '=', groupId);
  const rows = await q.execute();
  return rows.map((t) => ({
    id: t.id,
    name: t.name,
    groupId: t.group_id,
    members: Number(t.n),
    createdAt: t.created_at,
  }));
}
