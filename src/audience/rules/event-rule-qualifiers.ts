// Which contacts meet an event rule: at least `minCount` events of its type (with its props) in the
// window of `withinDays` days ending at each contact's own end time.
import type { Db } from '../../platform/store/database.js';
import { filterOnly } from '../../platform/store/scan-hints.js';
import { inAllEventWeeks, inEventWeeks } from '../events/event-weeks.js';
import { DAY_MS } from '../segments/segment-values.js';
import { propsMatch, type TagRule } from './tag-rule.js';
import '../audience-tables.js';

const ID_CHUNK = 5000;

/** `ends` maps each candidate contact to the instant (epoch ms) its window ends at. */
export async function eventRuleQualifiers(
  db: Db,
  workspaceId: string,
  rule: TagRule,
  ends: ReadonlyMap<number, number>,
): Promise<number[]> {
  if (ends.size === 0 || rule.eventType === null) return [];
  const span = rule.withinDays === null ? Infinity : rule.withinDays * DAY_MS;
  const ids = [...ends.keys()];
  const counts = new Map<number, number>();
  let maxEnd = -Infinity;
  let minStart = Infinity;
  for (const end of ends.values()) {
    maxEnd = Math.max(maxEnd, end);
    minStart = Math.min(minStart, end - span);
  }
  const weeks = Number.isFinite(minStart) ? inEventWeeks(minStart, maxEnd) : await inAllEventWeeks(db);
  for (let i = 0; i < ids.length; i += ID_CHUNK) {
    let q = db
      .selectFrom('events')
      .select(['contact_id', 'at', 'props'])
      .where(filterOnly('workspace_id'), '=', workspaceId)
      .where(filterOnly('type'), '=', rule.eventType)
      .where(weeks)
      .where('contact_id', 'in', ids.slice(i, i + ID_CHUNK))
      .where('at', '<=', maxEnd);
    if (Number.isFinite(minStart)) q = q.where('at', '>', minStart);
    for (const e of await q.execute()) {
      const end = ends.get(e.contact_id)!;
      if (e.at > end || e.at <= end - span) continue;
      if (rule.props && !propsMatch(rule.props, JSON.parse(e.props) as Record<string, unknown>)) continue;
      counts.set(e.contact_id, (counts.get(e.contact_id) ?? 0) + 1);
    }
  }
  return [...counts].filter(([, n]) => n >= rule.minCount).map(([id]) => id);
}
