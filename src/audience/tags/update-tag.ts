import { z } from 'zod';
import type { Db } from '../../platform/store/database.js';
import { recordChanges } from '../record-changes.js';
import { notifyTagCatalogChanged } from './on-tags-changed.js';
import { findTag, findTagGroup, memberCount, nameTaken, tagMembers, type TagView } from './tag-view.js';

export const TagPatch = z.strictObject({
  name: z.string().trim().min(1).max(50).optional(),
  groupId: z.string().nullable().optional(),
});
export type TagPatch = z.infer<typeof TagPatch>;

/** Renames or regroups a tag. Segments name tags, so a rename changes its members' segments. */
export async function updateTag(
  db: Db,
  workspaceId: string,
  id: string,
  patch: TagPatch,
  now: Date,
): Promise<TagView> {
  const data = TagPatch.parse(patch);
  return db.transaction().execute(async (trx) => {
    const tag = await findTag(trx, workspaceId, id);
    if (data.groupId) await findTagGroup(trx, workspaceId, data.groupId);
    const renamed = data.name !== undefined && data.name !== tag.name;
    if (renamed) {
      const other = await trx
        .selectFrom('tags')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('name', '=', data.name!)
        .executeTakeFirst();
      if (other) throw nameTaken('tag', data.name!);
    }
    const next = {
      name: data.name ?? tag.name,
      group_id: data.groupId === undefined ? tag.group_id : data.groupId,
    };
    await trx.updateTable('tags').set(next).where('id', '=', id).execute();
    if (renamed) {
      await recordChanges(trx, workspaceId, await tagMembers(trx, id), 'contact', now);
      await notifyTagCatalogChanged(trx, {
        workspaceId,
        action: 'renamed',
        tags: [{ id, name: next.name }],
        now,
      });
    }
    return {
      id,
      name: next.name,
      groupId: next.group_id,
      members: await memberCount(trx, id),
      createdAt: tag.created_at,
    };
  });
}
