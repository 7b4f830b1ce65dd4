// WeCom's mass-send limit per customer / customer group, as a guardrail checked before add_msg_template
// (rule variants in wecom-connection.ts MASS_RULES, from developer.work.weixin.qq.com/document/path/92135).
// WeCom would drop an over-limit message itself (send result status 3 "已经收到其他群发消息"); checking
// first keeps the touch for the next window instead of wasting staff confirmation on it.
import {
  localParts,
  nextLocalMidnight,
  nextLocalMonth,
  daysInLocalMonth,
} from '../../automation/guardrails/local-time.js';
import type { Db } from '../../platform/store/database.js';
import type { WecomSettings } from './wecom-connection.js';

const DAY = 86_400_000;

/** null when a mass message may go to `target` now, else when the window reopens. */
export async function massLimitReached(
  db: Db,
  connectionId: string,
  target: string,
  rule: WecomSettings['massRule'],
  now: Date,
  timezone: string,
): Promise<{ until: Date; reason: string } | null> {
  const p = localParts(now, timezone);
  const dayStart = nextLocalMidnight(new Date(now.getTime() - DAY), timezone);
  const monthStart = nextLocalMonth(new Date(now.getTime() - p.day * DAY), timezone);
  const window =
    rule === 'day_1'
      ? { since: dayStart, limit: 1, until: nextLocalMidnight(now, timezone), text: '1 per day' }
      : rule === 'week_7'
        ? {
            since: new Date(dayStart.getTime() - 6 * DAY),
            limit: 7,
            until: nextLocalMidnight(now, timezone),
            text: '7 per 7 days',
          }
        : {
            since: monthStart,
            limit: rule === 'month_4' ? 4 : daysInLocalMonth(now, timezone),
            until: nextLocalMonth(now, timezone),
            text: rule === 'month_4' ? '4 per month' : 'days-in-month per month',
          };
  const row = await db
    .selectFrom('wecom_sends')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('connection_id', '=', connectionId)
    .where('target', '=', target)
    .where('kind', 'in', ['mass', 'group'])
    .where('state', '=', 'accepted')
    .where('created_at', '>=', window.since.toISOString())
    .executeTakeFirst();
  if (Number(row?.n ?? 0) < window.limit) return null;
  return { until: window.until, reason: `wecom_mass_limit: ${window.text} (${rule})` };
}
