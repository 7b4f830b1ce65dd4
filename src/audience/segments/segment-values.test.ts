import { describe, expect, it } from 'vitest';
import { createdAtIntervals, DAY_MS, parseDateLiteral } from './segment-values.js';

describe('parseDateLiteral', () => {
  it('reads dates as whole UTC days and date-times without a zone as UTC', () => {
    expect(parseDateLiteral('2024-05-01')).toEqual({ ms: Date.UTC(2024, 4, 1), dateOnly: true });
    expect(parseDateLiteral('2024-05-01T08:30')).toEqual({
      ms: Date.UTC(2024, 4, 1, 8, 30),
      dateOnly: false,
    });
    expect(parseDateLiteral('2024-05-01T08:30:00+08:00')?.ms).toBe(Date.UTC(2024, 4, 1, 0, 30));
    expect(parseDateLiteral('2024-05-01T08:30:00.5Z')?.ms).toBe(Date.UTC(2024, 4, 1, 8, 30, 0, 500));
  });

  it('reads the canonical toISOString form like the general parser, refusing impossible dates', () => {
    for (const ms of [0, Date.UTC(2024, 1, 29, 23, 59, 59, 999), Date.UTC(1999, 11, 31, 12)]) {
      const iso = new Date(ms).toISOString();
      expect(parseDateLiteral(iso)).toEqual({ ms, dateOnly: false });
      expect(parseDateLiteral(`${iso.slice(0, 19)}Z`)?.ms).toBe(Math.floor(ms / 1000) * 1000);
    }
    for (const bad of [
      '2023-02-29T00:00:00.000Z',
      '2024-04-31T00:00:00.000Z',
      '2024-01-01T24:00:00.000Z',
      '2024-13-01',
      'soon',
    ]) {
      expect(parseDateLiteral(bad), bad).toBeUndefined();
    }
  });

  it('turns comparisons with a date into half-open instant intervals', () => {
    const day = Date.UTC(2024, 4, 1);
    expect(createdAtIntervals('=', '2024-05-01')).toEqual([{ lo: day, hi: day + DAY_MS }]);
    expect(createdAtIntervals('>', '2024-05-01')).toEqual([{ lo: day + DAY_MS, hi: Infinity }]);
    expect(createdAtIntervals('<=', '2024-05-01T00:00:00Z')).toEqual([{ lo: -Infinity, hi: day + 1 }]);
  });
});
