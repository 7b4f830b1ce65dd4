// Keyword auto-replies: for each fan message that just came in through a channel, the first enabled rule
// of its account (by priority) that matches plans a reply rendered from the rule's script, through
// planTouches — dispatch's guardrails (pacing, quiet hours, caps, opt-outs) still apply. A contact gets a
// rule's reply at most once per the rule's cool-down; a cooling rule does not fall through to the next.
import type { IngestedEvent } from '../../audience/events/on-events-ingested.js';
import { planTouches, type PlannedTouch } from '../../automation/dispatch/plan-touches.js';
import { loadScripts, stepContent } from '../../automation/flows/flow-content.js';
import type { Db } from '../../platform/store/database.js';
import { firstMatch } from './match-rule.js';
import type { AutoReplyRuleTable } from './auto-reply-tables.js';
import '../../audience/audience-tables.js';

/** Imported history is not answered: only messages this recent are. */
const FRESH_MS = 60 * 60_000;

export async function replyToMessages(db: Db, events: readonly IngestedEvent[], now: Date): Promise<number> {
  const inbound = events.filter(
    (e) =>
      e.type === 'message' &&
      e.props.direction === 'in' &&
      typeof e.props.text === 'string' &&
      e.source?.kind === 'channel' &&
      e.at >= now.getTime() - FRESH_MS,
  );
  let planned = 0;
  for (const workspaceId of new Set(inbound.map((e) => e.workspaceId))) {
    const rules = await db
      .selectFrom('auto_reply_rules')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('enabled', '=', 1)
      .orderBy('priority', 'desc')
      .orderBy('created_at')
      .execute();
    if (rules.length === 0) continue;
    const mine = inbound.filter((e) => e.workspaceId === workspaceId);
    const hits: { rule: AutoReplyRuleTable; e: IngestedEvent; accountId: string }[] = [];
    for (const e of mine) {
      const accountId = typeof e.props.accountId === 'string' ? e.props.accountId : e.source!.id;
      const rule = firstMatch(rules, accountId, String(e.props.text));
      if (rule && (await takeCooldown(db, rule, e.contactId, now))) hits.push({ rule, e, accountId });
    }
    if (hits.length === 0) continue;
    const scripts = await loadScripts(db, workspaceId, [...new Set(hits.map((h) => h.rule.script_id))]);
    const people = await db
      .selectFrom('contacts')
      .select(['id', 'name', 'city'])
      .where('id', 'in', [...new Set(hits.map((h) => h.e.contactId))])
      .execute();
    const byId = new Map(people.map((p) => [Number(p.id), p]));
    const touches: PlannedTouch[] = [];
    for (const { rule, e, accountId } of hits) {
      const p = byId.get(e.contactId);
      const content = stepContent({ script: rule.script_id }, scripts, {
        contact: { name: p?.name, city: p?.city },
      });
      if (!content) continue;
      const groupId = typeof e.props.groupId === 'string' ? e.props.groupId : null;
      touches.push({
        workspaceId,
        idempotencyKey: `autoreply:${rule.id}:${e.contactId}:${e.at}`,
        flowId: null,
        flowRunId: null,
        stepId: null,
        // A message in a group is answered in the group.
        kind: groupId ? 'group' : 'direct',
        accountId,
        contactId: groupId ? null : e.contactId,
        groupId,
        scriptId: rule.script_id,
        content: content.content,
        promotion: content.promotion,
        // It answers the fan's own question: not marketing.
        marketing: false,
        dueAt: now,
      });
    }
    planned += (await planTouches(db, touches, now)).planned;
  }
  return planned;
}

/** Claims the rule's cool-down for the contact; false while it is still cooling. */
async function takeCooldown(
  db: Db,
  rule: AutoReplyRuleTable,
  contactId: number,
  now: Date,
): Promise<boolean> {
  const since = new Date(now.getTime() - rule.cooldown_seconds * 1000).toISOString();
  const at = now.toISOString();
  const r = await db
    .insertInto('auto_reply_hits')
    .values({ rule_id: rule.id, contact_id: contactId, last_at: at })
    .onConflict((oc) =>
      oc
        .columns(['rule_id', 'contact_id'])
        .doUpdateSet({ last_at: at })
        .where('auto_reply_hits.last_at', '<=', since),
    )
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}
