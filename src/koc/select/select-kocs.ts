// Chooses KOCs that together reach the most distinct fans (weighted maximum coverage): lazy greedy
// under a count k, or under a budget the cost-effective greedy compared with the best single
// affordable KOC (together they keep the classic constant-factor guarantee); quotas per category/city;
// on small instances a swap search then polishes the greedy set.
import type { ReadonlyRoaringBitmap32 } from 'roaring';
import { AppError } from '../../platform/errors.js';
import { Coverage } from './coverage.js';
import { lazyGreedy } from './lazy-greedy.js';
import type { GreedyCandidate, GreedyRun } from './lazy-greedy.js';
import { QuotaTracker, validateQuotas } from './quotas.js';
import { refineBySwaps } from './refine-swaps.js';
import type { Quota, UnmetQuota } from './quotas.js';

export type { Quota, QuotaField, UnmetQuota } from './quotas.js';

export interface KocCandidate {
  id: string;
  followers: ReadonlyRoaringBitmap32;
  /** Defaults to 1. */
  cost?: number | undefined;
  category?: string | undefined;
  city?: string | undefined;
}

export interface SelectKocsInput {
  candidates: readonly KocCandidate[];
  /** How many KOCs at most; at least one of `k` and `budget` is required. */
  k?: number | undefined;
  /** Total cost allowed. */
  budget?: number | undefined;
  quotas?: readonly Quota[] | undefined;
  /** Fan id → weight (default 1, must be ≥ 0). */
  weights?: ReadonlyMap<number, number> | undefined;
  /** Improve the greedy set by swaps on small instances (default true; see refine-swaps.ts). */
  refine?: boolean | undefined;
}

export interface SelectedKoc {
  id: string;
  /** Weighted fans this pick added. */
  marginal: number;
  /** Weighted fans reached after this pick. */
  reach: number;
  cost: number;
}

export interface SelectKocsResult {
  picks: SelectedKoc[];
  /** Ids in pick order. */
  selected: string[];
  reach: number;
  marginal: number[];
  /** Reach after each pick. */
  curve: number[];
  /** overlap[a][b] = |followers(a) ∩ followers(b)| over the selected, in pick order (diagonal: sizes). */
  overlap: number[][];
  cost: number;
  method: 'greedy' | 'cost-effective-greedy' | 'best-single';
  /** True when the swap search improved on the greedy set. */
  refined: boolean;
  unmetQuotas: UnmetQuota[];
}

function validate(input: SelectKocsInput): void {
  const { k, budget, weights, candidates } = input;
  if (k === undefined && budget === undefined) throw new AppError('VALIDATION', 'give k or a budget');
  if (k !== undefined && !(Number.isInteger(k) && k >= 1)) {
    throw new AppError('VALIDATION', 'k must be an integer ≥ 1', { k });
  }
  if (budget !== undefined && !(Number.isFinite(budget) && budget >= 0)) {
    throw new AppError('VALIDATION', 'budget must be a finite number ≥ 0', { budget });
  }
  const ids = new Set<string>();
  for (const c of candidates) {
    if (ids.has(c.id)) throw new AppError('VALIDATION', `duplicate candidate id "${c.id}"`);
    ids.add(c.id);
    const cost = c.cost ?? 1;
    if (!(Number.isFinite(cost) && cost >= 0)) {
      throw new AppError('VALIDATION', `cost of "${c.id}" must be a finite number ≥ 0`);
    }
  }
  for (const [fan, w] of weights ?? []) {
    if (!(Number.isFinite(w) && w >= 0)) throw new AppError('VALIDATION', `weight of fan ${fan} must be ≥ 0`);
  }
  validateQuotas(input.quotas ?? []);
}

export function selectKocs(input: SelectKocsInput): SelectKocsResult {
  validate(input);
  const { candidates, weights } = input;
  const quotas = input.quotas ?? [];
  const k = input.k ?? Infinity;
  const budget = input.budget ?? Infinity;
  const order = candidates.map((_, i) => i).sort((a, b) => (candidates[a]!.id < candidates[b]!.id ? -1 : 1));
  const rank = new Array<number>(candidates.length);
  order.forEach((i, r) => (rank[i] = r));
  const members = candidates.map((c, i) => ({
    followers: c.followers,
    cost: c.cost ?? 1,
    rank: rank[i]!,
    category: c.category,
    city: c.city,
  }));
  const tracker = quotas.length > 0 ? new QuotaTracker(members, quotas) : undefined;
  const perCost = input.budget !== undefined;

  const greedy = lazyGreedy(members, { k, budget, perCost, weights, quotas: tracker });
  let unmetQuotas = tracker?.unmet() ?? [];
  let run =
    input.refine === false ? greedy : refineBySwaps(members, greedy, { budget, weights, quotas: tracker });
  const refined = run !== greedy;
  if (refined) unmetQuotas = []; // a swap is only taken when the new set meets every quota
  let method: SelectKocsResult['method'] = perCost ? 'cost-effective-greedy' : 'greedy';
  if (perCost) {
    const single = bestSingle(members, budget, weights, tracker);
    const reach = run.marginal.reduce((s, g) => s + g, 0);
    if (single && single.gain > reach) {
      run = { picks: [single.i], marginal: [single.gain] };
      method = 'best-single';
      unmetQuotas = [];
    }
  }
  return describe(candidates, members, run, {
    method,
    refined: refined && method !== 'best-single',
    unmetQuotas,
  });
}

/** The affordable candidate reaching the most on its own (that alone meets the quotas), ties by id. */
function bestSingle(
  members: readonly GreedyCandidate[],
  budget: number,
  weights: ReadonlyMap<number, number> | undefined,
  tracker: QuotaTracker | undefined,
): { i: number; gain: number } | undefined {
  const empty = new Coverage(weights);
  let best: { i: number; gain: number } | undefined;
  members.forEach((m, i) => {
    if (m.cost > budget || (tracker && !tracker.satisfiedBy([i]))) return;
    const gain = empty.gain(m.followers, empty.weightedPart(m.followers));
    if (!best || gain > best.gain || (gain === best.gain && m.rank < members[best.i]!.rank))
      best = { i, gain };
  });
  return best;
}

function describe(
  candidates: readonly KocCandidate[],
  members: readonly GreedyCandidate[],
  run: GreedyRun,
  outcome: Pick<SelectKocsResult, 'method' | 'refined' | 'unmetQuotas'>,
): SelectKocsResult {
  const picks: SelectedKoc[] = [];
  let reach = 0;
  run.picks.forEach((i, n) => {
    reach += run.marginal[n]!;
    picks.push({ id: candidates[i]!.id, marginal: run.marginal[n]!, reach, cost: members[i]!.cost });
  });
  const sets = run.picks.map((i) => members[i]!.followers);
  const overlap = sets.map(() => sets.map(() => 0));
  sets.forEach((a, x) => {
    overlap[x]![x] = a.size;
    for (let y = x + 1; y < sets.length; y++) overlap[x]![y] = overlap[y]![x] = a.andCardinality(sets[y]!);
  });
  return {
    picks,
    selected: picks.map((p) => p.id),
    reach,
    marginal: picks.map((p) => p.marginal),
    curve: picks.map((p) => p.reach),
    overlap,
    cost: picks.reduce((s, p) => s + p.cost, 0),
    ...outcome,
  };
}
