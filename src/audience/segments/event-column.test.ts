import { describe, expect, it } from 'vitest';
import { EventColumn } from './event-column.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Events added one by one and in bulk answer every window alike. */
function compare(ats: number[], ids: number[], windows: [number, number][]) {
  const single = new EventColumn();
  ats.forEach((at, k) => single.add(at, ids[k]!));
  const bulk = new EventColumn();
  // Two bulk calls, so the second lands on slots and blocks the first created.
  const half = ats.length >> 1;
  bulk.addMany(ats.slice(0, half), ids.slice(0, half));
  bulk.addMany(ats.slice(half), ids.slice(half));
  for (const [start, end] of windows) {
    expect(bulk.within(start, end).toArray()).toEqual(single.within(start, end).toArray());
    expect(counts(bulk, start, end)).toEqual(counts(single, start, end));
  }
}

function counts(column: EventColumn, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  column.countWithin(start, end, (id, n) => out.push([id, n]));
  return out.sort((a, b) => a[0] - b[0]);
}

describe('EventColumn.addMany', () => {
  const base = Date.UTC(2026, 0, 1);
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

  it('matches one-by-one adds over slots, days and 64-day blocks, in any order', () => {
    const ats = Array.from({ length: 5000 }, () => base + Math.floor(random() * 200 * DAY));
    const ids = Array.from({ length: 5000 }, () => Math.floor(random() * 300));
    const windows: [number, number][] = [
      [base, base + 200 * DAY],
      [base + 3 * DAY + 1234, base + 70 * DAY - 99],
      [base + 10 * HOUR, base + 11 * HOUR],
    ];
    compare(ats, ids, windows);
  });

  it('handles events centuries apart (the sorting path)', () => {
    const far = Date.UTC(2300, 5, 1);
    const ats = [base, far, base + HOUR, far + 5, base];
    const ids = [1, 2, 3, 2, 1];
    compare(ats, ids, [
      [base - 1, base + 2 * HOUR],
      [far - DAY, far + DAY],
      [base - 1, far + DAY],
    ]);
  });
});
