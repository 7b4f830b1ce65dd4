import { z } from 'zod';
import { recordAudit } from '../../platform/audit.js';
import { newId } from '../../platform/ids.js';
import type { Db } from '../../platform/store/database.js';
import { CUSTOM_EVENT_TYPE } from '../import/event-row.js';
import { ensureTags } from '../tags/ensure-tags.js';
import { applyRuleToAudience } from './apply-rule-to-audience.js';
import { parseCondition } from './attribute-condition.js';
import { getTagRule, type TagRule } from './tag-rule.js';

const common = {
  name: z.string().trim().min(1).max(100),
  action: z.enum(['add', 'remove']).default('add'),
  /** Tag name; created when new. */
  tag: z.string().trim().min(1).max(50),
  enabled: z.boolean().default(true),
};
export const TagRuleInput = z.discriminatedUnion('trigger', [
  z.strictObject({
    trigger: z.literal('event'),
    ...common,
    eventType: z.string().regex(CUSTOM_EVENT_TYPE, 'an event type: lowercase letters, digits and _'),
    /** The event's props must equal these. */
    props: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
    minCount: z.number().int().min(1).max(10_000).default(1),
    withinDays: z.number().int().min(1).max(3650).optional(),
  }),
  z.strictObject({
    trigger: z.literal('attribute'),
    ...common,
    condition: z.string().trim().min(1).max(4000),
  }),
]);
export type TagRuleInput = z.input<typeof TagRuleInput>;

/** Creates a rule and, when enabled, applies it to the existing audience at once. */
export async function createTagRule(
  db: Db,
  workspaceId: string,
  input: TagRuleInput,
  opts: { actor: string; now: Date },
): Promise<{ rule: TagRule; applied: number }> {
  const data = TagRuleInput.parse(input);
  if (data.trigger === 'attribute') parseCondition(data.condition);
  const id = newId('rul', opts.now);
  await db.transaction().execute(async (trx) => {
    const tagId = (await ensureTags(trx, workspaceId, [data.tag], opts.now)).get(data.tag)!;
    await trx
      .insertInto('tag_rules')
      .values({
        id,
        workspace_id: workspaceId,
        name: data.name,
        trigger: data.trigger,
        event_type: data.trigger === 'event' ? data.eventType : null,
        props_match: data.trigger === 'event' && data.props ? JSON.stringify(data.props) : null,
        min_count: data.trigger === 'event' ? data.minCount : 1,
        within_days: data.trigger === 'event' ? (data.withinDays ?? null) : null,
        condition: data.trigger === 'attribute' ? data.condition : null,
        action: data.action,
        tag_id: tagId,
        enabled: data.enabled ? 1 : 0,
        created_at: opts.now.toISOString(),
      })
      .execute();
    await recordAudit(trx, {
      workspaceId,
      actor: opts.actor,
      action: 'tag_rule.create',
      target: id,
      details: { name: data.name, trigger: data.trigger, action: data.action, tag: data.tag },
      at: opts.now,
    });
  });
  const rule = await getTagRule(db, workspaceId, id);
  const applied = rule.enabled ? await applyRuleToAudience(db, workspaceId, rule, opts.now) : 0;
  return { rule, applied };
}
