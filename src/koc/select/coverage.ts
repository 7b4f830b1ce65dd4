// The fans covered so far and the weighted marginal gain of a follower set against them.
// Weights other than 1 are kept aside (`extra` = weight − 1) so the common unweighted case stays one
// native andNotCardinality call per evaluation.
import roaring from 'roaring';
import type { ReadonlyRoaringBitmap32, RoaringBitmap32 as Bitmap } from 'roaring';

const { RoaringBitmap32 } = roaring;

export class Coverage {
  readonly covered: Bitmap = new RoaringBitmap32();
  private readonly extra = new Map<number, number>();
  private readonly weighted: Bitmap = new RoaringBitmap32();

  constructor(weights?: ReadonlyMap<number, number>) {
    for (const [fan, weight] of weights ?? []) {
      if (weight === 1) continue;
      this.extra.set(fan, weight - 1);
      this.weighted.add(fan);
    }
  }

  /** The followers whose weight is not 1 (undefined when none): computed once per candidate. */
  weightedPart(followers: ReadonlyRoaringBitmap32): Bitmap | undefined {
    if (this.extra.size === 0) return undefined;
    const part = RoaringBitmap32.and(followers, this.weighted);
    return part.isEmpty ? undefined : part;
  }

  /** Weighted number of `followers` not yet covered. */
  gain(followers: ReadonlyRoaringBitmap32, weightedPart?: ReadonlyRoaringBitmap32): number {
    let gain = followers.andNotCardinality(this.covered);
    if (weightedPart) {
      for (const fan of weightedPart) if (!this.covered.has(fan)) gain += this.extra.get(fan)!;
    }
    return gain;
  }

  add(followers: ReadonlyRoaringBitmap32): void {
    this.covered.orInPlace(followers);
  }
}
