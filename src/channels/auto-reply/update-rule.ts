// Changes an auto-reply rule (PATCH: given fields only; the merged pattern is checked again).
import { recordAudit } from '../../platform/audit.js';
import type { Db } from '../../platform/store/database.js';
import { checkPattern } from './match-rule.js';
import { checkRuleRefs, findRuleRow, RuleFields, toRuleView, type RuleView } from './rule-view.js';

export const RulePatch = RuleFields.partial();

export async function updateAutoReplyRule(
  db: Db,
  workspaceId: string,
  id: string,
  raw: unknown,
  ctx: { actor: string; now: Date },
): Promise<RuleView> {
  const patch = RulePatch.parse(raw);
  const row = await findRuleRow(db, workspaceId, id);
  const next = {
    ...row,
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.accountId !== undefined ? { account_id: patch.accountId } : {}),
    ...(patch.match !== undefined ? { match: patch.match } : {}),
    ...(patch.pattern !== undefined ? { pattern: patch.pattern } : {}),
    ...(patch.scriptId !== undefined ? { script_id: patch.scriptId } : {}),
    ...(patch.priority !== undefined ? { priority: patch.priority } : {}),
    ...(patch.cooldownSeconds !== undefined ? { cooldown_seconds: patch.cooldownSeconds } : {}),
    ...(patch.enabled !== undefined ? { enabled: patch.enabled ? 1 : 0 } : {}),
    updated_at: ctx.now.toISOString(),
  };
  checkPattern(next.match as 'exact' | 'contains' | 'regex', next.pattern);
  await checkRuleRefs(db, workspaceId, { accountId: next.account_id, scriptId: next.script_id });
  await db.transaction().execute(async (trx) => {
    const { id: _id, workspace_id: _ws, created_at: _c, ...set } = next;
    await trx.updateTable('auto_reply_rules').set(set).where('id', '=', id).execute();
    await recordAudit(trx, {
      workspaceId,
      actor: ctx.actor,
      action: 'auto_reply.update',
      target: id,
      at: ctx.now,
    });
  });
  return toRuleView(next);
}
