// Auto-tag rules as the code sees them, and the lookups the rule use-cases share.
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/store/database.js';
import type { TagRuleTable } from '../audience-tables.js';
import '../audience-tables.js';

export type RuleTrigger = 'event' | 'attribute';
export type RuleAction = 'add' | 'remove';

export interface TagRule {
  id: string;
  name: string;
  trigger: RuleTrigger;
  eventType: string | null;
  /** Props the event must carry with these exact values. */
  props: Record<string, unknown> | null;
  minCount: number;
  /** Null: any time (no window). */
  withinDays: number | null;
  condition: string | null;
  action: RuleAction;
  tagId: string;
  tag: string;
  enabled: boolean;
  createdAt: string;
}

export function toTagRule(row: TagRuleTable & { tag: string }): TagRule {
  return {
    id: row.id,
    name: row.name,
    trigger: row.trigger as RuleTrigger,
    eventType: row.event_type,
    props: row.props_match === null ? null : (JSON.parse(row.props_match) as Record<string, unknown>),
    minCount: row.min_count,
    withinDays: row.within_days,
    condition: row.condition,
    action: row.action as RuleAction,
    tagId: row.tag_id,
    tag: row.tag,
    enabled: row.enabled === 1,
    createdAt: row.created_at,
  };
}

function rulesQuery(db: Db, workspaceId: string) {
  return db
    .selectFrom('tag_rules as r')
    .innerJoin('tags as t', 't.id', 'r.tag_id')
    .selectAll('r')
    .select('t.name as tag')
    .where('r.workspace_id', '=', workspaceId);
}

export async function listTagRules(db: Db, workspaceId: string): Promise<TagRule[]> {
  const rows = await rulesQuery(db, workspaceId).orderBy('r.created_at').orderBy('r.id').execute();
  return rows.map(toTagRule);
}

export async function enabledRules(db: Db, workspaceId: string, trigger: RuleTrigger): Promise<TagRule[]> {
  const rows = await rulesQuery(db, workspaceId)
    .where('r.enabled', '=', 1)
    .where('r.trigger', '=', trigger)
    .orderBy('r.created_at')
    .execute();
  return rows.map(toTagRule);
}

export async function getTagRule(db: Db, workspaceId: string, id: string): Promise<TagRule> {
  const row = await rulesQuery(db, workspaceId).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `tag rule "${id}" not found`, { rule: id });
  return toTagRule(row);
}

/** Every given prop is present on the event with an equal (JSON) value. */
export function propsMatch(want: Record<string, unknown> | null, props: Record<string, unknown>): boolean {
  if (!want) return true;
  for (const [key, value] of Object.entries(want)) {
    if (!Object.hasOwn(props, key)) return false;
    const got = props[key];
    if (got !== value && JSON.stringify(got) !== JSON.stringify(value)) return false;
  }
  return true;
}
