import { recordAudit } from '../../platform/audit.js';
import type { Db } from '../../platform/store/database.js';
import { recordChanges } from '../record-changes.js';
import { notifyTagCatalogChanged } from './on-tags-changed.js';
import { findTag, tagMembers } from './tag-view.js';

/** Deletes a tag, taking it off every contact (and deleting the rules that set it). */
export async function deleteTag(
  db: Db,
  workspaceId: string,
  id: string,
  opts: { actor: string; now: Date },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const tag = await findTag(trx, workspaceId, id);
    const members = await tagMembers(trx, id);
    // Before the delete: listeners may read what hangs off the tag (its WeCom corp tag mappings).
    await notifyTagCatalogChanged(trx, {
      workspaceId,
      action: 'deleted',
      tags: [{ id, name: tag.name }],
      now: opts.now,
    });
    await trx.deleteFrom('tag_rules').where('tag_id', '=', id).execute();
    await trx.deleteFrom('contact_tags').where('tag_id', '=', id).execute();
    await trx.deleteFrom('tags').where('id', '=', id).execute();
    await recordChanges(trx, workspaceId, members, 'contact', opts.now);
    await recordAudit(trx, {
      workspaceId,
      actor: opts.actor,
      action: 'tag.delete',
      target: id,
      details: { name: tag.name, members: members.length },
      at: opts.now,
    });
  });
}
