import { z } from 'zod';
import { recordAudit } from '../../platform/audit.js';
import type { Db } from '../../platform/store/database.js';
import { applyRuleToAudience } from './apply-rule-to-audience.js';
import { getTagRule, type TagRule } from './tag-rule.js';

export const TagRulePatch = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  enabled: z.boolean().optional(),
});
export type TagRulePatch = z.infer<typeof TagRulePatch>;

/** Renames, enables or disables a rule; a rule switched on is applied to the existing audience. */
export async function updateTagRule(
  db: Db,
  workspaceId: string,
  id: string,
  patch: TagRulePatch,
  opts: { actor: string; now: Date },
): Promise<{ rule: TagRule; applied: number }> {
  const data = TagRulePatch.parse(patch);
  const before = await getTagRule(db, workspaceId, id);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('tag_rules')
      .set({
        ...(data.name !== undefined ? { name: data.name } : {}),
        ...(data.enabled !== undefined ? { enabled: data.enabled ? 1 : 0 } : {}),
      })
      .where('id', '=', id)
      .where('workspace_id', '=', workspaceId)
      .execute();
    await recordAudit(trx, {
      workspaceId,
      actor: opts.actor,
      action: 'tag_rule.update',
      target: id,
      details: data,
      at: opts.now,
    });
  });
  const rule = await getTagRule(db, workspaceId, id);
  const switchedOn = rule.enabled && !before.enabled;
  return { rule, applied: switchedOn ? await applyRuleToAudience(db, workspaceId, rule, opts.now) : 0 };
}
