// How the text of a literal reads for each kind of field. Shared by the parser (to reject bad literals
// with a position), the bitmap engine, the reference evaluator and the SQL compiler, so all agree.
import type { NumericOp } from './segment-ast.js';

export const DAY_MS = 86_400_000;

const NUMERIC = /^-?\d+(\.\d+)?$/;
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** Plain decimals only (no exponent, hex or spaces), so JS and both SQL dialects read them alike. */
export function isNumericText(text: string): boolean {
  return NUMERIC.test(text);
}

const CANONICAL = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** An ISO date (`2024-05-01`, a whole UTC day) or date-time (no zone means UTC), as epoch ms. */
export function parseDateLiteral(text: string): { ms: number; dateOnly: boolean } | undefined {
  // Fast path for the store's own toISOString() form (index rebuilds parse millions of them).
  if (text.length === 24 && CANONICAL.test(text)) {
    const ms = Date.parse(text);
    const year = digits(text, 0, 4);
    const month = digits(text, 5, 7);
    const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 1 : 0;
    // Date.parse rolls 02-31 over into March and accepts 24:00; both are refused below.
    const valid = digits(text, 8, 10) <= (MONTH_DAYS[month - 1] ?? 0) + leap && digits(text, 11, 13) < 24;
    if (!Number.isNaN(ms) && valid) return { ms, dateOnly: false };
  }
  const m = ISO.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s, frac, zone] = m.slice(1).map((x) => x ?? '');
  const ms = Date.UTC(+y!, +mo! - 1, +d!, +(h || 0), +(mi || 0), +(s || 0), +(frac || '0').padEnd(3, '0'));
  const check = new Date(ms);
  // Date.UTC rolls 2024-02-31 over into March: reject instead of guessing.
  if (check.getUTCMonth() !== +mo! - 1 || check.getUTCDate() !== +d! || +(h || 0) > 23 || +(mi || 0) > 59) {
    return undefined;
  }
  let offset = 0;
  if (zone && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    offset = sign * (+zone.slice(1, 3) * 60 + +zone.slice(4, 6)) * 60_000;
  }
  return { ms: ms - offset, dateOnly: h === '' };
}

function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + text.charCodeAt(i) - 48;
  return n;
}

/** Half-open [lo, hi) epoch-ms interval; ±Infinity for an open side. */
export interface MsInterval {
  lo: number;
  hi: number;
}

/**
 * The created_at instants a comparison accepts. A date-only literal stands for its whole UTC day:
 * `= 2024-05-01` is that day, `> 2024-05-01` starts the next day, `<= 2024-05-01` ends with it.
 */
export function createdAtIntervals(op: NumericOp, text: string): MsInterval[] {
  const parsed = parseDateLiteral(text);
  if (!parsed) throw new RangeError(`not a date: ${text}`);
  const start = parsed.ms;
  const end = parsed.dateOnly ? start + DAY_MS : start + 1;
  switch (op) {
    case '=':
      return [{ lo: start, hi: end }];
    case '!=':
      return [
        { lo: -Infinity, hi: start },
        { lo: end, hi: Infinity },
      ];
    case '>':
      return [{ lo: end, hi: Infinity }];
    case '>=':
      return [{ lo: start, hi: Infinity }];
    case '<':
      return [{ lo: -Infinity, hi: start }];
    case '<=':
      return [{ lo: -Infinity, hi: end }];
  }
}

export function compareNumbers(a: number, op: NumericOp, b: number): boolean {
  switch (op) {
    case '=':
      return a === b;
    case '!=':
      return a !== b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
  }
}

/** The event window of `did`/`count`: events with windowStart < at <= windowEnd. */
export function eventWindow(atMs: number, days: number): { start: number; end: number } {
  return { start: atMs - days * DAY_MS, end: atMs };
}
