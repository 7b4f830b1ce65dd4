// Creates a keyword auto-reply rule (pattern checked for safety, account and script of the workspace).
import { recordAudit } from '../../platform/audit.js';
import { newId } from '../../platform/ids.js';
import type { Db } from '../../platform/store/database.js';
import { checkPattern } from './match-rule.js';
import { checkRuleRefs, RuleFields, toRuleView, type RuleInput, type RuleView } from './rule-view.js';

export async function createAutoReplyRule(
  db: Db,
  workspaceId: string,
  raw: RuleInput,
  ctx: { actor: string; now: Date },
): Promise<RuleView> {
  const input = RuleFields.parse(raw);
  checkPattern(input.match, input.pattern);
  await checkRuleRefs(db, workspaceId, input);
  const at = ctx.now.toISOString();
  const row = {
    id: newId('arr', ctx.now),
    workspace_id: workspaceId,
    account_id: input.accountId,
    name: input.name,
    match: input.match,
    pattern: input.pattern,
    script_id: input.scriptId,
    priority: input.priority,
    cooldown_seconds: input.cooldownSeconds,
    enabled: input.enabled ? 1 : 0,
    created_at: at,
    updated_at: at,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('auto_reply_rules').values(row).execute();
    await recordAudit(trx, {
      workspaceId,
      actor: ctx.actor,
      action: 'auto_reply.create',
      target: row.id,
      at: ctx.now,
    });
  });
  return toRuleView(row);
}
