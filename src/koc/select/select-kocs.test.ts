import roaring from 'roaring';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { selectKocs } from './select-kocs.js';
import type { KocCandidate } from './select-kocs.js';

const { RoaringBitmap32 } = roaring;
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const koc = (id: string, fans: number[], extra: Partial<KocCandidate> = {}): KocCandidate => ({
  id,
  followers: new RoaringBitmap32(fans),
  ...extra,
});

describe('selectKocs with k', () => {
  const candidates = [
    koc('d', range(1, 5)),
    koc('a', range(1, 10)),
    koc('c', range(16, 18)),
    koc('b', range(6, 15)),
  ];

  it('picks by marginal reach and reports marginal, curve and overlap', () => {
    const r = selectKocs({ candidates, k: 3 });
    expect(r.selected).toEqual(['a', 'b', 'c']);
    expect(r.marginal).toEqual([10, 5, 3]);
    expect(r.curve).toEqual([10, 15, 18]);
    expect(r.reach).toBe(18);
    expect(r.overlap).toEqual([
      [10, 5, 0],
      [5, 10, 0],
      [0, 0, 3],
    ]);
    expect(r.method).toBe('greedy');
    expect(r.picks[1]).toEqual({ id: 'b', marginal: 5, reach: 15, cost: 1 });
  });

  it('stops when nobody adds a fan', () => {
    const r = selectKocs({ candidates, k: 10 });
    expect(r.selected).toEqual(['a', 'b', 'c']);
  });

  it('returns an empty selection when there is nobody to pick', () => {
    expect(selectKocs({ candidates: [], k: 3 })).toMatchObject({
      selected: [],
      reach: 0,
      overlap: [],
      curve: [],
    });
  });

  it('breaks ties by id whatever the input order', () => {
    const twins = [koc('z', [1, 2, 3]), koc('m', [1, 2, 3]), koc('q', [7, 8, 9])];
    expect(selectKocs({ candidates: twins, k: 2 }).selected).toEqual(['m', 'q']);
    expect(selectKocs({ candidates: [...twins].reverse(), k: 2 }).selected).toEqual(['m', 'q']);
  });

  it('swaps a greedy pick away when that reaches more, and says so', () => {
    const trap = [koc('a', [1, 2, 3, 4]), koc('b', [1, 2, 5]), koc('c', [3, 4, 6])];
    const greedy = selectKocs({ candidates: trap, k: 2, refine: false });
    expect(greedy).toMatchObject({ selected: ['a', 'b'], reach: 5, refined: false });
    const refined = selectKocs({ candidates: trap, k: 2 });
    expect(refined).toMatchObject({ selected: ['b', 'c'], reach: 6, marginal: [3, 3], refined: true });
    expect(refined.overlap).toEqual([
      [3, 0],
      [0, 3],
    ]);
  });

  it('counts fan weights', () => {
    const weights = new Map([
      [16, 10],
      [3, 0],
    ]);
    const r = selectKocs({ candidates, k: 2, weights });
    expect(r.selected).toEqual(['c', 'b']);
    expect(r.marginal).toEqual([12, 10]);
    expect(r.reach).toBe(22);
    // the overlap counts fans, not weights
    expect(r.overlap[0]![0]).toBe(3);
  });
});

describe('selectKocs with a budget', () => {
  it('ranks by reach per cost', () => {
    const candidates = [
      koc('big', range(1, 100), { cost: 50 }),
      koc('s1', range(1, 30), { cost: 10 }),
      koc('s2', range(31, 60), { cost: 10 }),
    ];
    const r = selectKocs({ candidates, budget: 20 });
    expect(r.method).toBe('cost-effective-greedy');
    expect(r.selected).toEqual(['s1', 's2']);
    expect(r.cost).toBe(20);
    expect(r.reach).toBe(60);
  });

  it('falls back to the best single affordable KOC', () => {
    const candidates = [koc('x', range(1, 100), { cost: 10 }), koc('y', range(101, 120), { cost: 1 })];
    const r = selectKocs({ candidates, budget: 10, refine: false });
    expect(r.method).toBe('best-single');
    expect(r.selected).toEqual(['x']);
    expect(r.reach).toBe(100);
  });

  it('combines k and budget, and lets free KOCs in first', () => {
    const candidates = [
      koc('free', [1, 2], { cost: 0 }),
      koc('p', range(3, 12), { cost: 2 }),
      koc('q', range(13, 20), { cost: 2 }),
    ];
    const r = selectKocs({ candidates, budget: 4, k: 2, refine: false });
    expect(r.selected).toEqual(['free', 'p']);
    expect(r.cost).toBe(2);
    // the swap search then trades the free KOC for the budget it left unused
    expect(selectKocs({ candidates, budget: 4, k: 2 })).toMatchObject({
      selected: ['p', 'q'],
      cost: 4,
      reach: 18,
    });
  });
});

describe('selectKocs with quotas', () => {
  const candidates = [
    koc('a1', range(1, 10), { category: 'beauty', city: 'SH' }),
    koc('a2', range(11, 19), { category: 'beauty', city: 'SH' }),
    koc('a3', range(20, 27), { category: 'beauty', city: 'BJ' }),
    koc('b1', range(30, 33), { category: 'food', city: 'SH' }),
    koc('b2', range(40, 41), { category: 'food', city: 'GZ' }),
  ];

  it('keeps at most N per category', () => {
    const r = selectKocs({ candidates, k: 3, quotas: [{ field: 'category', max: 2 }] });
    expect(r.selected).toEqual(['a1', 'a2', 'b1']);
  });

  it('keeps at least N per city, picking freely while there is room', () => {
    const r = selectKocs({ candidates, k: 3, quotas: [{ field: 'city', value: 'GZ', min: 1 }] });
    expect(r.selected).toEqual(['a1', 'a2', 'b2']);
    expect(r.unmetQuotas).toEqual([]);
  });

  it('reports a minimum it could not meet', () => {
    const r = selectKocs({ candidates, k: 2, quotas: [{ field: 'city', value: 'HZ', min: 1 }] });
    expect(r.selected).toEqual(['a1', 'a2']);
    expect(r.unmetQuotas).toEqual([{ field: 'city', value: 'HZ', min: 1, count: 0 }]);
  });

  it('reserves budget for a minimum', () => {
    const priced = candidates.map((c) => ({ ...c, cost: c.id === 'b2' ? 5 : 1 }));
    const r = selectKocs({ candidates: priced, budget: 7, quotas: [{ field: 'city', value: 'GZ', min: 1 }] });
    expect(r.selected).toContain('b2');
    expect(r.cost).toBeLessThanOrEqual(7);
    expect(r.selected).toHaveLength(3);
  });
});

describe('selectKocs validation', () => {
  const candidates = [koc('a', [1])];
  it.each([
    [{ k: 0 }],
    [{ k: 1.5 }],
    [{}],
    [{ budget: -1 }],
    [{ k: 1, quotas: [{ field: 'city' as const, min: 3, max: 1 }] }],
    [{ k: 1, weights: new Map([[1, -2]]) }],
  ])('rejects %o', (options) => {
    expect(() => selectKocs({ candidates, ...options })).toThrow(AppError);
  });

  it('rejects duplicate ids', () => {
    expect(() => selectKocs({ candidates: [koc('a', [1]), koc('a', [2])], k: 1 })).toThrow(/duplicate/);
  });
});
