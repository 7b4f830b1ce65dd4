// The exact optimum by exhaustive search, for small instances only (a few dozen candidates): the
// yardstick the greedy is measured against in tests and in the quality benchmark.
import type { ReadonlyRoaringBitmap32 } from 'roaring';

export interface ExactInput {
  candidates: readonly { followers: ReadonlyRoaringBitmap32; cost?: number | undefined }[];
  k?: number | undefined;
  budget?: number | undefined;
  weights?: ReadonlyMap<number, number> | undefined;
}

export interface ExactOptimum {
  reach: number;
  /** Candidate indexes of one optimal set. */
  picks: number[];
}

export function exactOptimum(input: ExactInput): ExactOptimum {
  const { candidates, weights } = input;
  const k = input.k ?? candidates.length;
  const budget = input.budget ?? Infinity;
  // Dense fan numbering so each follower set becomes a plain bitset of a few words.
  const fans = [...new Set(candidates.flatMap((c) => c.followers.toArray()))];
  const index = new Map(fans.map((f, i) => [f, i]));
  const weight = fans.map((f) => weights?.get(f) ?? 1);
  const words = Math.ceil(fans.length / 32) || 1;
  const sets = candidates.map((c) => {
    const bits = new Uint32Array(words);
    for (const f of c.followers) {
      const i = index.get(f)!;
      bits[i >>> 5]! |= 1 << (i & 31);
    }
    return bits;
  });
  const costs = candidates.map((c) => c.cost ?? 1);
  const covered = Array.from({ length: Math.min(k, candidates.length) + 1 }, () => new Uint32Array(words));
  const stack: number[] = [];
  let best: ExactOptimum = { reach: 0, picks: [] };

  const visit = (from: number, depth: number, reach: number, spent: number): void => {
    if (reach > best.reach) best = { reach, picks: [...stack] };
    if (depth === k) return;
    const here = covered[depth]!;
    const next = covered[depth + 1]!;
    for (let c = from; c < sets.length; c++) {
      if (spent + costs[c]! > budget) continue;
      const set = sets[c]!;
      let gain = 0;
      for (let w = 0; w < words; w++) {
        next[w] = here[w]! | set[w]!;
        for (let fresh = set[w]! & ~here[w]!; fresh !== 0; fresh &= fresh - 1) {
          gain += weight[(w << 5) + (31 - Math.clz32(fresh & -fresh))]!;
        }
      }
      stack.push(c);
      visit(c + 1, depth + 1, reach + gain, spent + costs[c]!);
      stack.pop();
    }
  };
  visit(0, 0, 0, 0);
  return best;
}
