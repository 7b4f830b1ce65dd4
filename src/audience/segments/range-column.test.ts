import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RangeColumn, floatBucket } from './range-column.js';
import type { NumberRange } from './range-column.js';

const value = fc.oneof(
  fc.integer({ min: -5000, max: 5000 }),
  fc.double({ min: -1e9, max: 1e9, noNaN: true }),
  fc.constantFrom(0, -0, 1, 2, 17, 1e-9),
);
const range = fc
  .record({ a: value, b: value, loInclusive: fc.boolean(), hiInclusive: fc.boolean(), open: fc.nat(3) })
  .map(({ a, b, loInclusive, hiInclusive, open }): NumberRange => ({
    lo: open === 1 ? -Infinity : Math.min(a, b),
    hi: open === 2 ? Infinity : Math.max(a, b),
    loInclusive,
    hiInclusive,
  }));

function inside(v: number, r: NumberRange): boolean {
  return (r.loInclusive ? v >= r.lo : v > r.lo) && (r.hiInclusive ? v <= r.hi : v < r.hi);
}

describe('RangeColumn', () => {
  it('orders float buckets like the values', () => {
    fc.assert(fc.property(value, value, (a, b) => (a <= b ? floatBucket(a) <= floatBucket(b) : true)));
  });

  for (const [name, bucketOf] of [
    ['float buckets', floatBucket],
    ['integer buckets', Math.floor],
    ['wide buckets', (v: number) => Math.floor(v / 100)],
  ] as const) {
    it(`selects exactly the values in a range, across updates (${name})`, () => {
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.nat(300), fc.option(value)), { maxLength: 200 }),
          fc.array(range, { minLength: 1, maxLength: 5 }),
          fc.boolean(),
          (writes, ranges, bulk) => {
            const column = new RangeColumn(bucketOf);
            const truth = new Map<number, number>();
            const first = new Map(writes.filter(([, v]) => v !== null) as [number, number][]);
            if (bulk) column.setMany([...first.keys()], [...first.values()]);
            for (const [id, v] of bulk ? [...first].map(([id, v]) => [id, v] as const) : writes) {
              if (!bulk) column.set(id, v ?? undefined);
              if (v === null || v === undefined) truth.delete(id);
              else truth.set(id, v);
            }
            if (bulk) {
              for (const [id] of writes.slice(0, 20)) {
                column.set(id, undefined);
                truth.delete(id);
              }
            }
            for (const r of ranges) {
              const expected = [...truth].filter(([, v]) => inside(v, r)).map(([id]) => id);
              expect(column.select(r).toArray()).toEqual(expected.sort((a, b) => a - b));
            }
          },
        ),
        { numRuns: 200 },
      );
    });
  }
});
