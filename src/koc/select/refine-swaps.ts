// Swap local search after the greedy: replace one chosen KOC by an unchosen one while that strictly
// raises the reach (best swap per pass). It can only improve on the greedy, so the greedy's guarantee
// stands; it runs on small instances only (see SWAP_WORK), where it closes most of the remaining gap.
import { Coverage } from './coverage.js';
import type { GreedyCandidate, GreedyRun } from './lazy-greedy.js';
import type { QuotaTracker } from './quotas.js';

/** Most (chosen × candidates) pairs a pass may evaluate; larger instances keep the plain greedy. */
export const SWAP_WORK = 10_000;
const MAX_PASSES = 5;

export interface SwapOptions {
  budget: number;
  weights?: ReadonlyMap<number, number> | undefined;
  quotas?: QuotaTracker | undefined;
}

/** The greedy's run, or a better set reordered as a greedy would have picked it. */
export function refineBySwaps(
  members: readonly GreedyCandidate[],
  run: GreedyRun,
  options: SwapOptions,
): GreedyRun {
  const selection = [...run.picks];
  if (selection.length * members.length > SWAP_WORK) return run;
  const probe = new Coverage(options.weights);
  const parts = members.map((m) => probe.weightedPart(m.followers));
  const byRank = members.map((_, i) => i).sort((a, b) => members[a]!.rank - members[b]!.rank);
  let swapped = false;

  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let best: { at: number; by: number; delta: number } | undefined;
    const chosen = new Set(selection);
    const spent = selection.reduce((s, i) => s + members[i]!.cost, 0);
    selection.forEach((out, at) => {
      const rest = new Coverage(options.weights);
      for (const i of selection) if (i !== out) rest.add(members[i]!.followers);
      const loss = rest.gain(members[out]!.followers, parts[out]);
      const spare = options.budget - spent + members[out]!.cost;
      for (const by of byRank) {
        if (chosen.has(by) || members[by]!.cost > spare) continue;
        const delta = rest.gain(members[by]!.followers, parts[by]) - loss;
        if (delta <= (best?.delta ?? 1e-9)) continue; // 1e-9: no swaps on the float noise of weights
        const next = selection.map((i) => (i === out ? by : i));
        if (options.quotas && !options.quotas.satisfiedBy(next)) continue;
        best = { at, by, delta };
      }
    });
    if (!best) break;
    selection[best.at] = best.by;
    swapped = true;
  }
  return swapped ? inGreedyOrder(members, selection, parts, options.weights) : run;
}

/** Orders a fixed set as the greedy would have picked it (ties by id), with each pick's marginal. */
function inGreedyOrder(
  members: readonly GreedyCandidate[],
  selection: readonly number[],
  parts: readonly (ReturnType<Coverage['weightedPart']> | undefined)[],
  weights: ReadonlyMap<number, number> | undefined,
): GreedyRun {
  const coverage = new Coverage(weights);
  const left = [...selection].sort((a, b) => members[a]!.rank - members[b]!.rank);
  const ordered: GreedyRun = { picks: [], marginal: [] };
  while (left.length > 0) {
    const gains = left.map((i) => coverage.gain(members[i]!.followers, parts[i]));
    const at = gains.indexOf(Math.max(...gains));
    const i = left.splice(at, 1)[0]!;
    ordered.picks.push(i);
    ordered.marginal.push(gains[at]!);
    coverage.add(members[i]!.followers);
  }
  return ordered;
}
