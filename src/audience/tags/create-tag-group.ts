import { z } from 'zod';
import { newId } from '../../platform/ids.js';
import type { Db } from '../../platform/store/database.js';
import { nameTaken, type TagGroupView } from './tag-view.js';

export const TagGroupInput = z.strictObject({ name: z.string().trim().min(1).max(50) });
export type TagGroupInput = z.infer<typeof TagGroupInput>;

/** A group of tags (e.g. 人群, 兴趣, 来源). */
export async function createTagGroup(
  db: Db,
  workspaceId: string,
  input: TagGroupInput,
  now: Date,
): Promise<TagGroupView> {
  const { name } = TagGroupInput.parse(input);
  const row = { id: newId('tgr', now), workspace_id: workspaceId, name, created_at: now.toISOString() };
  const inserted = await db
    .insertInto('tag_groups')
    .values(row)
    .onConflict((oc) => oc.columns(['workspace_id', 'name']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) throw nameTaken('tag group', name);
  return { id: row.id, name, tags: 0, createdAt: row.created_at };
}
