// Workspace-local calendar arithmetic (quiet hours, daily and monthly caps) with Intl only. The offset
// is taken at `now`; a DST change inside a window shifts its end by the DST step, which is acceptable
// for pacing (China has no DST).
const formats = new Map<string, Intl.DateTimeFormat>();

function format(tz: string): Intl.DateTimeFormat {
  let f = formats.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(tz, f);
  }
  return f;
}

export interface LocalParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** Local time minus UTC, in ms. */
  offsetMs: number;
}

export function localParts(at: Date, tz: string): LocalParts {
  const p: Record<string, number> = {};
  for (const part of format(tz).formatToParts(at)) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  const offsetMs = asUtc - Math.floor(at.getTime() / 1000) * 1000;
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour!, minute: p.minute!, offsetMs };
}

/** The instant of a local wall-clock time (same offset as `ref`). */
function localInstant(ref: LocalParts, y: number, m: number, d: number, h = 0, min = 0): Date {
  return new Date(Date.UTC(y, m - 1, d, h, min) - ref.offsetMs);
}

export function nextLocalMidnight(at: Date, tz: string): Date {
  const p = localParts(at, tz);
  return localInstant(p, p.year, p.month, p.day + 1);
}

export function nextLocalMonth(at: Date, tz: string): Date {
  const p = localParts(at, tz);
  return localInstant(p, p.year, p.month + 1, 1);
}

export function daysInLocalMonth(at: Date, tz: string): number {
  const p = localParts(at, tz);
  return new Date(Date.UTC(p.year, p.month, 0)).getUTCDate();
}

export function localDayKey(at: Date, tz: string): string {
  const p = localParts(at, tz);
  return `${p.year}-${p.month}-${p.day}`;
}

export function localMonthKey(at: Date, tz: string): string {
  const p = localParts(at, tz);
  return `${p.year}-${p.month}`;
}

/** If `at` falls in the quiet window [start, end) (may cross midnight), when the window ends; else null. */
export function quietHoursEnd(at: Date, tz: string, start: string, end: string): Date | null {
  const p = localParts(at, tz);
  const mins = p.hour * 60 + p.minute;
  const toMin = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
  const s = toMin(start);
  const e = toMin(end);
  if (s === e) return null;
  const inside = s < e ? mins >= s && mins < e : mins >= s || mins < e;
  if (!inside) return null;
  const endDay = s < e || mins < e ? p.day : p.day + 1;
  return localInstant(p, p.year, p.month, endDay, Math.floor(e / 60), e % 60);
}
