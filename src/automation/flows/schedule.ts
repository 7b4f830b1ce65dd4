// Step schedules in the workspace's time zone: relative to the run's enrolment ("day 0 +5 min",
// "day 1 at 20:00") or absolute on a calendar ("2026-03-02 20:00", local). Durations: "30m", "2h", "1d".
import { localParts } from '../guardrails/local-time.js';

export type Schedule =
  | { kind: 'offset'; days: number; minutes: number }
  | { kind: 'at'; days: number; hour: number; minute: number }
  | { kind: 'absolute'; year: number; month: number; day: number; hour: number; minute: number };

export const SCHEDULE_HINT = 'expected "day N at HH:MM" or "day N +M min" (or "YYYY-MM-DD HH:MM")';

const UNIT_MINUTES: Record<string, number> = {
  m: 1,
  min: 1,
  mins: 1,
  h: 60,
  hour: 60,
  hours: 60,
  d: 1440,
  day: 1440,
  days: 1440,
};
const RELATIVE =
  /^day\s+(\d{1,3})(?:\s+at\s+(\d{1,2}):(\d{2})|\s*\+\s*(\d{1,5})\s*(m|min|mins|h|hour|hours))?$/i;
const ABSOLUTE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})$/;
const DURATION = /^(\d{1,5})\s*(m|min|mins|h|hour|hours|d|day|days)$/i;

/** The schedule, or null when the text is not one. */
export function parseSchedule(text: string): Schedule | null {
  const t = text.trim();
  const r = RELATIVE.exec(t);
  if (r) {
    const days = Number(r[1]);
    if (r[2] !== undefined) {
      const hour = Number(r[2]);
      const minute = Number(r[3]);
      return hour < 24 && minute < 60 ? { kind: 'at', days, hour, minute } : null;
    }
    const minutes = r[4] === undefined ? 0 : Number(r[4]) * UNIT_MINUTES[r[5]!.toLowerCase()]!;
    return { kind: 'offset', days, minutes };
  }
  const a = ABSOLUTE.exec(t);
  if (a) {
    const [year, month, day, hour, minute] = a.slice(1, 6).map(Number) as [
      number,
      number,
      number,
      number,
      number,
    ];
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
    return { kind: 'absolute', year, month, day, hour, minute };
  }
  return null;
}

/** Milliseconds of a duration text, or null. */
export function parseDuration(text: string): number | null {
  const d = DURATION.exec(text.trim());
  return d ? Number(d[1]) * UNIT_MINUTES[d[2]!.toLowerCase()]! * 60_000 : null;
}

/** The instant of a local wall-clock time in `tz` (the offset is taken at that instant, so DST holds). */
export function localTime(tz: string, y: number, m: number, d: number, h: number, min: number): Date {
  const wall = Date.UTC(y, m - 1, d, h, min);
  const first = wall - localParts(new Date(wall), tz).offsetMs;
  return new Date(wall - localParts(new Date(first), tz).offsetMs);
}

/** When a step on `schedule` is due for a run enrolled at `anchor`. */
export function dueAt(schedule: Schedule, anchor: Date, tz: string): Date {
  if (schedule.kind === 'offset') {
    return new Date(anchor.getTime() + (schedule.days * 1440 + schedule.minutes) * 60_000);
  }
  if (schedule.kind === 'absolute') {
    const s = schedule;
    return localTime(tz, s.year, s.month, s.day, s.hour, s.minute);
  }
  const p = localParts(anchor, tz);
  return localTime(tz, p.year, p.month, p.day + schedule.days, schedule.hour, schedule.minute);
}
