// Lazy greedy for (weighted) maximum coverage: a max-heap of possibly stale gains. Coverage is
// submodular, so a stale gain is an upper bound: when the best entry is fresh it is the true best.
// Ties go to the smaller id, exactly as a plain greedy scanning every candidate would decide.
import type { ReadonlyRoaringBitmap32 } from 'roaring';
import { Coverage } from './coverage.js';
import { MaxHeap } from './max-heap.js';
import type { QuotaTracker } from './quotas.js';

export interface GreedyCandidate {
  followers: ReadonlyRoaringBitmap32;
  cost: number;
  /** Position of the id in sorted order: the deterministic tie-break. */
  rank: number;
}

export interface GreedyOptions {
  k: number;
  budget: number;
  /** Rank by gain per unit of cost (the budget variant) instead of by gain. */
  perCost: boolean;
  weights?: ReadonlyMap<number, number> | undefined;
  quotas?: QuotaTracker | undefined;
}

export interface GreedyRun {
  picks: number[];
  marginal: number[];
}

interface Entry {
  i: number;
  gain: number;
  priority: number;
  /** Number of picks made when `gain` was computed: fresh when it equals the current count. */
  round: number;
}

function priorityOf(gain: number, cost: number, perCost: boolean): number {
  if (!perCost) return gain;
  if (cost > 0) return gain / cost;
  return gain > 0 ? Infinity : 0;
}

export function lazyGreedy(candidates: readonly GreedyCandidate[], options: GreedyOptions): GreedyRun {
  const { k, perCost, quotas } = options;
  const coverage = new Coverage(options.weights);
  const weightedParts = candidates.map((c) => coverage.weightedPart(c.followers));
  const heap = new MaxHeap<Entry>(
    (a, b) =>
      a.priority > b.priority ||
      (a.priority === b.priority &&
        (a.gain > b.gain || (a.gain === b.gain && candidates[a.i]!.rank < candidates[b.i]!.rank))),
  );
  candidates.forEach((c, i) => {
    if (c.cost > options.budget) return;
    const gain = coverage.gain(c.followers, weightedParts[i]);
    heap.push({ i, gain, priority: priorityOf(gain, c.cost, perCost), round: 0 });
  });

  const picks: number[] = [];
  const marginal: number[] = [];
  let budgetLeft = options.budget;
  while (picks.length < k) {
    const round = picks.length;
    const deferred: Entry[] = [];
    let chosen: Entry | undefined;
    for (let top = heap.pop(); top; top = heap.pop()) {
      const c = candidates[top.i]!;
      if (c.cost > budgetLeft || quotas?.blocked(top.i)) continue; // can never fit again
      if (top.round !== round) {
        top.gain = coverage.gain(c.followers, weightedParts[top.i]);
        top.priority = priorityOf(top.gain, c.cost, perCost);
        top.round = round;
        heap.push(top);
        continue;
      }
      // Zero gain is only worth a slot when it fills a minimum quota.
      const useless = top.gain === 0 && !quotas?.fillsMinimum(top.i);
      if (useless && !quotas?.hasOpenMinimum()) break;
      if (useless || (quotas && !quotas.admissible(top.i, k - round, budgetLeft))) {
        deferred.push(top);
        continue;
      }
      chosen = top;
      break;
    }
    for (const e of deferred) heap.push(e);
    if (!chosen) break;
    const c = candidates[chosen.i]!;
    picks.push(chosen.i);
    marginal.push(chosen.gain);
    budgetLeft -= c.cost;
    coverage.add(c.followers);
    quotas?.pick(chosen.i);
  }
  return { picks, marginal };
}
