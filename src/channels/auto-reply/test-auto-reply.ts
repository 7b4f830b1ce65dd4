// Tries a message against the workspace's auto-reply rules as an inbound message would be (enabled rules,
// by priority, the account's and the all-accounts ones) and says which rule answers with which script —
// without sending, and without the per-contact cool-down (there is no contact).
import { z } from 'zod';
import type { Db } from '../../platform/store/database.js';
import { firstMatch } from './match-rule.js';
import { toRuleView, type RuleView } from './rule-view.js';
import './auto-reply-tables.js';
import '../../content/content-tables.js';

export const TestMessageInput = z.strictObject({
  text: z.string().min(1).max(2000),
  accountId: z.string().min(1).nullable().default(null),
});
export type TestMessageInput = z.input<typeof TestMessageInput>;

export async function testAutoReply(
  db: Db,
  workspaceId: string,
  raw: TestMessageInput,
): Promise<{ rule: RuleView | null; script: { id: string; name: string; body: string } | null }> {
  const input = TestMessageInput.parse(raw);
  const rules = await db
    .selectFrom('auto_reply_rules')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('enabled', '=', 1)
    .orderBy('priority', 'desc')
    .orderBy('created_at')
    .execute();
  const rule = firstMatch(rules, input.accountId, input.text);
  if (!rule) return { rule: null, script: null };
  const script = await db
    .selectFrom('scripts')
    .select(['id', 'name', 'body'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', rule.script_id)
    .executeTakeFirst();
  return { rule: toRuleView(rule), script: script ?? null };
}
