// Runs the enabled attribute rules over contacts that just changed (created, edited, imported, tagged).
// One pass: a tag added by one rule is seen by the rules after it, but no rule runs twice.
import type { Db } from '../../platform/store/database.js';
import { applyRuleAction } from './apply-rule-action.js';
import { contactsMatching, parseCondition } from './attribute-condition.js';
import { enabledRules } from './tag-rule.js';

/** Call inside the writer's transaction. Returns how many contacts each rule changed. */
export async function applyAttributeRules(
  db: Db,
  workspaceId: string,
  contactIds: readonly number[],
  now: Date,
): Promise<Map<string, number>> {
  const changed = new Map<string, number>();
  if (contactIds.length === 0) return changed;
  for (const rule of await enabledRules(db, workspaceId, 'attribute')) {
    if (rule.condition === null) continue;
    const matching = await contactsMatching(db, workspaceId, parseCondition(rule.condition), contactIds, now);
    const n = (await applyRuleAction(db, workspaceId, rule, matching, now)).length;
    if (n > 0) changed.set(rule.id, n);
  }
  return changed;
}
