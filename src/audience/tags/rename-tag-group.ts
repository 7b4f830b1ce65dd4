import type { Db } from '../../platform/store/database.js';
import { TagGroupInput } from './create-tag-group.js';
import { findTagGroup, nameTaken, type TagGroupView } from './tag-view.js';

export async function renameTagGroup(
  db: Db,
  workspaceId: string,
  id: string,
  input: TagGroupInput,
): Promise<TagGroupView> {
  const { name } = TagGroupInput.parse(input);
  return db.transaction().execute(async (trx) => {
    const group = await findTagGroup(trx, workspaceId, id);
    const other = await trx
      .selectFrom('tag_groups')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('name', '=', name)
      .where('id', '!=', id)
      .executeTakeFirst();
    if (other) throw nameTaken('tag group', name);
    await trx.updateTable('tag_groups').set({ name }).where('id', '=', id).execute();
    const n = await trx
      .selectFrom('tags')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('group_id', '=', id)
      .executeTakeFirstOrThrow();
    return { id, name, tags: Number(n.n), createdAt: group.created_at };
  });
}
