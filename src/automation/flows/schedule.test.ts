import { describe, expect, it } from 'vitest';
import { dueAt, parseDuration, parseSchedule } from './schedule.js';

const anchor = new Date('2026-11-23T15:30:00Z'); // 23:30 in Shanghai, 10:30 in New York

describe('step schedules', () => {
  it('parses relative, daily and calendar forms and rejects others', () => {
    expect(parseSchedule('day 0 +5 min')).toEqual({ kind: 'offset', days: 0, minutes: 5 });
    expect(parseSchedule('day 2 + 3 h')).toEqual({ kind: 'offset', days: 2, minutes: 180 });
    expect(parseSchedule('day 1 at 20:00')).toEqual({ kind: 'at', days: 1, hour: 20, minute: 0 });
    expect(parseSchedule('2026-12-01 09:30')).toMatchObject({ kind: 'absolute', month: 12, day: 1, hour: 9 });
    for (const bad of ['tomorrow', 'day 1 at 24:00', 'day 1 at 7:75', '2026-13-01 09:00', 'day -1 +5 min']) {
      expect(parseSchedule(bad), bad).toBeNull();
    }
    expect(parseDuration('2d')).toBe(2 * 86_400_000);
    expect(parseDuration('30m')).toBe(1_800_000);
    expect(parseDuration('soon')).toBeNull();
  });

  it('computes due times in the workspace time zone', () => {
    expect(dueAt(parseSchedule('day 0 +5 min')!, anchor, 'Asia/Shanghai').toISOString()).toBe(
      '2026-11-23T15:35:00.000Z',
    );
    // The local date of the anchor is already the 23rd at 23:30 in Shanghai: day 1 at 20:00 = 24th 20:00 local.
    expect(dueAt(parseSchedule('day 1 at 20:00')!, anchor, 'Asia/Shanghai').toISOString()).toBe(
      '2026-11-24T12:00:00.000Z',
    );
    expect(dueAt(parseSchedule('day 1 at 20:00')!, anchor, 'America/New_York').toISOString()).toBe(
      '2026-11-25T01:00:00.000Z',
    );
    expect(dueAt(parseSchedule('2026-12-01 09:30')!, anchor, 'Asia/Shanghai').toISOString()).toBe(
      '2026-12-01T01:30:00.000Z',
    );
  });

  it('keeps local wall-clock times across a DST change', () => {
    const beforeDst = new Date('2026-03-07T15:00:00Z'); // Saturday 10:00 in New York (EST)
    // Two days later is after the switch to EDT: 09:00 local is 13:00 UTC, not 14:00.
    expect(dueAt(parseSchedule('day 2 at 09:00')!, beforeDst, 'America/New_York').toISOString()).toBe(
      '2026-03-09T13:00:00.000Z',
    );
  });
});
