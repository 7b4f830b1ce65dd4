import { z } from 'zod';
import { newId } from '../../platform/ids.js';
import type { Db } from '../../platform/store/database.js';
import { notifyTagCatalogChanged } from './on-tags-changed.js';
import { findTagGroup, nameTaken, type TagView } from './tag-view.js';

export const TagInput = z.strictObject({
  name: z.string().trim().min(1).max(50),
  groupId: z.string().nullable().optional(),
});
export type TagInput = z.infer<typeof TagInput>;

export async function createTag(db: Db, workspaceId: string, input: TagInput, now: Date): Promise<TagView> {
  const data = TagInput.parse(input);
  return db.transaction().execute(async (trx) => {
    if (data.groupId) await findTagGroup(trx, workspaceId, data.groupId);
    const row = {
      id: newId('tag', now),
      workspace_id: workspaceId,
      group_id: data.groupId ?? null,
      name: data.name,
      created_at: now.toISOString(),
    };
    const inserted = await trx
      .insertInto('tags')
      .values(row)
      .onConflict((oc) => oc.columns(['workspace_id', 'name']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw nameTaken('tag', data.name);
    await notifyTagCatalogChanged(trx, { workspaceId, action: 'created', tags: [row], now });
    return { id: row.id, name: row.name, groupId: row.group_id, members: 0, createdAt: row.created_at };
  });
}
