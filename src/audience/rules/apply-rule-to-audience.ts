// Applies one rule to the audience that already exists (a new or re-enabled rule), in bounded batches of
// contacts, each its own transaction, so a large workspace never holds one huge write.
import type { Db } from '../../platform/store/database.js';
import { applyRuleAction } from './apply-rule-action.js';
import { contactsMatching, parseCondition } from './attribute-condition.js';
import { eventRuleQualifiers } from './event-rule-qualifiers.js';
import type { TagRule } from './tag-rule.js';

const BATCH = 5000;

/** Returns how many contacts' tags changed. Event windows end at `now`. */
export async function applyRuleToAudience(
  db: Db,
  workspaceId: string,
  rule: TagRule,
  now: Date,
): Promise<number> {
  const condition =
    rule.trigger === 'attribute' && rule.condition !== null ? parseCondition(rule.condition) : null;
  let changed = 0;
  for (let after = 0; ;) {
    const batch = await db
      .selectFrom('contacts')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('erased_at', 'is', null)
      .where('merged_into', 'is', null)
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (batch.length === 0) return changed;
    const ids = batch.map((c) => c.id);
    after = ids[ids.length - 1]!;
    changed += await db.transaction().execute(async (trx) => {
      const qualifiers = condition
        ? await contactsMatching(trx, workspaceId, condition, ids, now)
        : await eventRuleQualifiers(trx, workspaceId, rule, new Map(ids.map((id) => [id, now.getTime()])));
      return (await applyRuleAction(trx, workspaceId, rule, qualifiers, now)).length;
    });
  }
}
