// Applies a rule's action (add or remove its tag) to the contacts that met it.
import type { Db } from '../../platform/store/database.js';
import { addContactTags, removeContactTags } from '../tags/write-contact-tags.js';
import type { TagRule } from './tag-rule.js';

/** Returns the contacts whose tags changed. */
export function applyRuleAction(
  trx: Db,
  workspaceId: string,
  rule: TagRule,
  contactIds: readonly number[],
  now: Date,
): Promise<number[]> {
  if (contactIds.length === 0) return Promise.resolve([]);
  return rule.action === 'add'
    ? addContactTags(trx, workspaceId, contactIds, [rule.tagId], `rule:${rule.id}`, now)
    : removeContactTags(trx, workspaceId, contactIds, [rule.tagId], now);
}
