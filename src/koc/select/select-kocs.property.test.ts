// Random small instances: the lazy greedy equals a plain greedy, keeps the (1 − 1/e) guarantee
// against the exact optimum (half of it under a budget) and respects the quotas.
import fc from 'fast-check';
import roaring from 'roaring';
import { describe, expect, it } from 'vitest';
import { exactOptimum } from './exact-optimum.js';
import { selectKocs } from './select-kocs.js';
import type { KocCandidate, Quota } from './select-kocs.js';

const { RoaringBitmap32 } = roaring;
const GUARANTEE = 1 - 1 / Math.E;

const instance = fc.record({
  sets: fc.array(
    fc.record({
      fans: fc.uniqueArray(fc.integer({ min: 0, max: 29 }), { maxLength: 15 }),
      cost: fc.integer({ min: 1, max: 5 }),
      category: fc.constantFrom(undefined, 'x', 'y', 'z'),
    }),
    { minLength: 1, maxLength: 8 },
  ),
  weights: fc.option(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 30, maxLength: 30 }), {
    nil: undefined,
  }),
  k: fc.integer({ min: 1, max: 4 }),
});
type Instance = typeof instance extends fc.Arbitrary<infer T> ? T : never;

function build(inst: Instance): { candidates: KocCandidate[]; weights?: Map<number, number> } {
  const candidates = inst.sets.map((s, i) => ({
    id: `k${String(i).padStart(2, '0')}`,
    followers: new RoaringBitmap32(s.fans),
    cost: s.cost,
    category: s.category,
  }));
  return inst.weights ? { candidates, weights: new Map(inst.weights.map((w, f) => [f, w])) } : { candidates };
}

function plainGreedy(inst: Instance): { ids: string[]; marginal: number[] } {
  const weight = (f: number) => inst.weights?.[f] ?? 1;
  const covered = new Set<number>();
  const ids: string[] = [];
  const marginal: number[] = [];
  const left = inst.sets.map((_, i) => i);
  while (ids.length < inst.k) {
    let best = -1;
    let bestGain = 0;
    for (const i of left) {
      const gain = inst.sets[i]!.fans.filter((f) => !covered.has(f)).reduce((s, f) => s + weight(f), 0);
      if (gain > bestGain) [best, bestGain] = [i, gain]; // left is in id order: first wins ties
    }
    if (best < 0) break;
    inst.sets[best]!.fans.forEach((f) => covered.add(f));
    left.splice(left.indexOf(best), 1);
    ids.push(`k${String(best).padStart(2, '0')}`);
    marginal.push(bestGain);
  }
  return { ids, marginal };
}

describe('selectKocs on random instances', () => {
  it('the lazy greedy makes the same picks as a plain greedy', () => {
    fc.assert(
      fc.property(instance, (inst) => {
        const r = selectKocs({ ...build(inst), k: inst.k, refine: false });
        const plain = plainGreedy(inst);
        expect(r.selected).toEqual(plain.ids);
        expect(r.marginal).toEqual(plain.marginal);
      }),
    );
  });

  it('reaches at least (1 − 1/e) of the optimum under k', () => {
    fc.assert(
      fc.property(instance, (inst) => {
        const input = { ...build(inst), k: inst.k };
        const opt = exactOptimum(input);
        const r = selectKocs(input);
        const greedyOnly = selectKocs({ ...input, refine: false });
        expect(greedyOnly.reach).toBeGreaterThanOrEqual(GUARANTEE * opt.reach - 1e-9);
        expect(r.reach).toBeGreaterThanOrEqual(greedyOnly.reach);
        expect(r.reach).toBeLessThanOrEqual(opt.reach + 1e-9);
        expect(r.curve.at(-1) ?? 0).toBeCloseTo(r.reach, 9);
        expect(r.selected.length).toBeLessThanOrEqual(inst.k);
      }),
    );
  });

  it('keeps the budget and half the guarantee under a budget', () => {
    fc.assert(
      fc.property(instance, fc.integer({ min: 0, max: 12 }), (inst, budget) => {
        const input = { ...build(inst), budget };
        const opt = exactOptimum(input);
        const r = selectKocs({ ...input, refine: false });
        expect(r.cost).toBeLessThanOrEqual(budget);
        expect(r.reach).toBeGreaterThanOrEqual((GUARANTEE / 2) * opt.reach - 1e-9);
        const refined = selectKocs(input);
        expect(refined.cost).toBeLessThanOrEqual(budget);
        expect(refined.reach).toBeGreaterThanOrEqual(r.reach);
      }),
    );
  });

  it('meets category quotas whenever some selection can', () => {
    const quota = fc.record({
      value: fc.constantFrom(undefined, 'x', 'y'),
      min: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
      max: fc.option(fc.integer({ min: 2, max: 3 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(instance, fc.array(quota, { minLength: 1, maxLength: 2 }), (inst, raw) => {
        const quotas: Quota[] = raw
          .filter((q) => q.min !== undefined || q.max !== undefined)
          .map((q) => ({ field: 'category', ...q }));
        const { candidates } = build(inst);
        const r = selectKocs({ candidates, k: inst.k, quotas });
        const chosen = candidates.filter((c) => r.selected.includes(c.id));
        const feasible = someSelectionMeets(candidates, inst.k, quotas);
        if (feasible) {
          expect(meets(chosen, candidates, quotas)).toBe(true);
          expect(r.unmetQuotas).toEqual([]);
        }
        for (const q of quotas.filter((q) => q.max !== undefined)) {
          for (const value of q.value ? [q.value] : ['x', 'y', 'z']) {
            expect(chosen.filter((c) => c.category === value).length).toBeLessThanOrEqual(q.max!);
          }
        }
      }),
    );
  });
});

function meets(chosen: KocCandidate[], all: KocCandidate[], quotas: Quota[]): boolean {
  const values = new Set(all.map((c) => c.category).filter((v) => v !== undefined));
  return quotas.every((q) =>
    [...(q.value ? [q.value] : values)].every((v) => {
      const n = chosen.filter((c) => c.category === v).length;
      return n >= (q.min ?? 0) && n <= (q.max ?? Infinity);
    }),
  );
}

function someSelectionMeets(all: KocCandidate[], k: number, quotas: Quota[]): boolean {
  for (let mask = 0; mask < 1 << all.length; mask++) {
    const chosen = all.filter((_, i) => mask & (1 << i));
    if (chosen.length <= k && meets(chosen, all, quotas)) return true;
  }
  return false;
}
