// Runs the enabled event rules over a batch of newly ingested events, inside the ingestion's transaction.
import type { Db } from '../../platform/store/database.js';
import { applyRuleAction } from './apply-rule-action.js';
import { eventRuleQualifiers } from './event-rule-qualifiers.js';
import { enabledRules, propsMatch } from './tag-rule.js';

export interface RuleEvent {
  contactId: number;
  type: string;
  at: number;
  props: Record<string, unknown>;
}

/** Returns how many contacts each rule changed (rules that changed nothing are left out). */
export async function applyEventRules(
  trx: Db,
  workspaceId: string,
  events: readonly RuleEvent[],
  now: Date,
): Promise<Map<string, number>> {
  const changed = new Map<string, number>();
  if (events.length === 0) return changed;
  const rules = await enabledRules(trx, workspaceId, 'event');
  if (rules.length === 0) return changed;
  const types = new Set(events.map((e) => e.type));
  for (const rule of rules) {
    if (rule.eventType === null || !types.has(rule.eventType)) continue;
    // Each contact's window ends at its latest new matching event.
    const ends = new Map<number, number>();
    for (const e of events) {
      if (e.type !== rule.eventType || !propsMatch(rule.props, e.props)) continue;
      ends.set(e.contactId, Math.max(ends.get(e.contactId) ?? -Infinity, e.at));
    }
    const qualifiers =
      rule.minCount <= 1 ? [...ends.keys()] : await eventRuleQualifiers(trx, workspaceId, rule, ends);
    const n = (await applyRuleAction(trx, workspaceId, rule, qualifiers, now)).length;
    if (n > 0) changed.set(rule.id, n);
  }
  return changed;
}
