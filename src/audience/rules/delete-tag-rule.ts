import { recordAudit } from '../../platform/audit.js';
import type { Db } from '../../platform/store/database.js';
import { getTagRule } from './tag-rule.js';

/** Deletes a rule; tags it already set stay. */
export async function deleteTagRule(
  db: Db,
  workspaceId: string,
  id: string,
  opts: { actor: string; now: Date },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const rule = await getTagRule(trx, workspaceId, id);
    await trx.deleteFrom('tag_rules').where('id', '=', id).execute();
    await recordAudit(trx, {
      workspaceId,
      actor: opts.actor,
      action: 'tag_rule.delete',
      target: id,
      details: { name: rule.name },
      at: opts.now,
    });
  });
}
