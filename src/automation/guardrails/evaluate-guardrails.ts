// The guardrails, checked at dispatch time for a claimed batch. Each touch is sent, held (which
// guardrail, and until when: it is re-planned for then) or cancelled (suppressed / opted out).
// Order: suppression, opt-out, quiet hours, promotion mix, then the counted limits (contact caps and
// account pacing) — reserved last and all-or-nothing, so a held touch uses up no budget.
import type { TouchTable } from '../dispatch/dispatch-tables.js';
import type { GuardContext } from './load-guard-context.js';
import {
  daysInLocalMonth,
  localDayKey,
  localMonthKey,
  nextLocalMidnight,
  nextLocalMonth,
  quietHoursEnd,
} from './local-time.js';
import type { CounterKey, RateCounters } from './rate-counters.js';

export type Decision =
  { kind: 'send' } | { kind: 'hold'; reason: string; until: Date } | { kind: 'cancel'; reason: string };

const MINUTE = 60_000;
const HOUR = 3_600_000;

export async function evaluateGuardrails(
  touches: readonly TouchTable[],
  ctx: GuardContext,
  counters: RateCounters,
  now: Date,
  random: () => number = Math.random,
): Promise<Decision[]> {
  const decisions: (Decision | null)[] = new Array(touches.length).fill(null);
  const pendingMix = new Map<string, { total: number; promotions: number }>();
  const counted: { index: number; keys: CounterKey[]; reasons: { reason: string; until: Date }[] }[] = [];
  const nowMs = now.getTime();
  const minuteEnd = Math.floor(nowMs / MINUTE) * MINUTE + MINUTE;
  const hourEnd = Math.floor(nowMs / HOUR) * HOUR + HOUR;

  // Plain group messages of this batch count towards the mix before any promotion is judged.
  for (const t of touches) {
    if (t.group_id && !t.promotion) {
      const m = pendingMix.get(t.group_id) ?? { total: 0, promotions: 0 };
      pendingMix.set(t.group_id, { total: m.total + 1, promotions: m.promotions });
    }
  }
  // Calendar facts per workspace, computed once per batch (Intl is slow per touch).
  const calendars = new Map<string, ReturnType<typeof calendarAt>>();
  touches.forEach((t, i) => {
    const ws = ctx.workspaces.get(t.workspace_id)!;
    const { settings, timezone } = ws;
    let cal = calendars.get(t.workspace_id);
    if (!cal) calendars.set(t.workspace_id, (cal = calendarAt(now, timezone, settings)));
    const contactKey = `${t.workspace_id}:${t.contact_id}`;
    if (t.contact_id !== null && ctx.suppressed.has(contactKey)) {
      decisions[i] = { kind: 'cancel', reason: `suppressed: ${ctx.suppressed.get(contactKey)}` };
      return;
    }
    if (t.contact_id !== null && t.marketing && ctx.optedOut.has(contactKey)) {
      decisions[i] = { kind: 'cancel', reason: `opt_out: replied ${ctx.optedOut.get(contactKey)}` };
      return;
    }
    // A welcome answers the fan's own friend request: it goes at once, whatever the hour or the caps.
    const welcome = t.kind === 'welcome';
    if (settings.quietHours.enabled && !welcome) {
      const end = cal.quietEnd;
      if (end) {
        const q = settings.quietHours;
        decisions[i] = { kind: 'hold', reason: `quiet_hours: ${q.start}–${q.end} ${timezone}`, until: end };
        return;
      }
    }
    if (t.group_id && t.promotion && settings.promotionMix.enabled) {
      const mix = ctx.groupMix.get(t.group_id) ?? { total: 0, promotions: 0, oldestPromotion: null };
      const batch = pendingMix.get(t.group_id) ?? { total: 0, promotions: 0 };
      const total = mix.total + batch.total + 1;
      const promotions = mix.promotions + batch.promotions + 1;
      const { maxShare, windowDays } = settings.promotionMix;
      if (promotions > Math.max(1, Math.floor(total * maxShare))) {
        // The share drops when the oldest promotion leaves the window (one sent in this batch: now).
        const oldest = mix.oldestPromotion
          ? Date.parse(mix.oldestPromotion)
          : batch.promotions > 0
            ? nowMs
            : null;
        const until = new Date(oldest === null ? nowMs + 86_400_000 : oldest + windowDays * 86_400_000);
        const share = `${promotions - 1}/${total - 1}`;
        decisions[i] = {
          kind: 'hold',
          reason: `promotion_mix: ${share} promotions in this group in ${windowDays} days (max ${maxShare.toFixed(2)})`,
          until,
        };
        return;
      }
      pendingMix.set(t.group_id, { total: batch.total + 1, promotions: batch.promotions + 1 });
    }

    const keys: CounterKey[] = [];
    const reasons: { reason: string; until: Date }[] = [];
    if (t.kind === 'direct' && t.contact_id !== null) {
      const { dayEnd, monthEnd, dayKey, monthKey } = cal;
      const perMonth = settings.contactCaps.perMonth ?? cal.daysInMonth;
      keys.push(
        // The month first: when it is full, it is the one that decides when the touch can go.
        {
          key: `c:${contactKey}:m:${monthKey}`,
          limit: perMonth,
          expiresAt: monthEnd.getTime(),
        },
        {
          key: `c:${contactKey}:d:${dayKey}`,
          limit: settings.contactCaps.perDay,
          expiresAt: dayEnd.getTime(),
        },
      );
      reasons.push(
        { reason: `contact_cap_month: ${perMonth} per month`, until: monthEnd },
        { reason: `contact_cap_day: ${settings.contactCaps.perDay} per day`, until: dayEnd },
      );
    }
    const pace = ctx.personalAccounts.has(t.account_id)
      ? settings.accountPacing.personal
      : settings.accountPacing.enterprise;
    const jitter = () => Math.round(random() * settings.accountPacing.jitterMs);
    keys.push(
      { key: `a:${t.account_id}:m:${minuteEnd}`, limit: pace.perMinute, expiresAt: minuteEnd },
      { key: `a:${t.account_id}:h:${hourEnd}`, limit: pace.perHour, expiresAt: hourEnd },
    );
    reasons.push(
      {
        reason: `account_pacing_minute: ${pace.perMinute} per minute`,
        until: new Date(minuteEnd + jitter()),
      },
      { reason: `account_pacing_hour: ${pace.perHour} per hour`, until: new Date(hourEnd + jitter()) },
    );
    counted.push({ index: i, keys, reasons });
  });

  const results = await counters.reserve(
    counted.map((c) => c.keys),
    nowMs,
  );
  counted.forEach((c, j) => {
    const fail = results[j]!;
    decisions[c.index] = fail < 0 ? { kind: 'send' } : { kind: 'hold', ...c.reasons[fail]! };
  });
  return decisions as Decision[];
}

function calendarAt(now: Date, timezone: string, settings: { quietHours: { start: string; end: string } }) {
  return {
    quietEnd: quietHoursEnd(now, timezone, settings.quietHours.start, settings.quietHours.end),
    dayEnd: nextLocalMidnight(now, timezone),
    monthEnd: nextLocalMonth(now, timezone),
    daysInMonth: daysInLocalMonth(now, timezone),
    dayKey: localDayKey(now, timezone),
    monthKey: localMonthKey(now, timezone),
  };
}
