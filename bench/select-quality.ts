// Selection quality against the exact optimum: 200 random small instances (30 candidates, pick 5; fans
// from a popularity-skewed pool, power-law set sizes). Prints the worst and mean ratio selection /
// optimum, with and without the swap search (target: worst ≥ 0.99, never below 1 − 1/e; mean ratios
// are printed with 3 decimals by emit, so 1 means ≥ 0.9995). Args: [instances] [candidates] [k].
import roaring from 'roaring';
import { exactOptimum } from '../src/koc/select/exact-optimum.js';
import { selectKocs } from '../src/koc/select/select-kocs.js';
import { emit, rng } from './lib.js';

const BENCH = 'select-quality';
const FANS = 300;

function instance(random: () => number, n: number) {
  return Array.from({ length: n }, (_, i) => {
    const size = Math.max(3, Math.floor(80 / (1 + random() * 9) ** 1.2));
    const fans = Array.from({ length: size }, () => Math.floor(FANS * random() ** 2));
    return { id: `koc${String(i).padStart(2, '0')}`, followers: new roaring.RoaringBitmap32(fans) };
  });
}

export default async function run(args: string[]): Promise<void> {
  const count = Number(args[0] ?? 200);
  const n = Number(args[1] ?? 30);
  const k = Number(args[2] ?? 5);
  const random = rng(2024);
  const ratios: number[] = [];
  const greedyRatios: number[] = [];
  let optimal = 0;
  let exactMs = 0;
  let greedyMs = 0;
  for (let i = 0; i < count; i++) {
    const candidates = instance(random, n);
    let t = performance.now();
    const opt = exactOptimum({ candidates, k });
    exactMs += performance.now() - t;
    t = performance.now();
    const greedy = selectKocs({ candidates, k });
    greedyMs += performance.now() - t;
    const plain = selectKocs({ candidates, k, refine: false });
    const ratio = opt.reach === 0 ? 1 : greedy.reach / opt.reach;
    ratios.push(ratio);
    greedyRatios.push(opt.reach === 0 ? 1 : plain.reach / opt.reach);
    if (ratio === 1) optimal++;
  }
  emit(BENCH, 'instances', count, 'count');
  emit(BENCH, 'worst_ratio', Math.min(...ratios), 'ratio');
  emit(BENCH, 'mean_ratio', ratios.reduce((s, r) => s + r, 0) / count, 'ratio');
  emit(BENCH, 'greedy_only_worst_ratio', Math.min(...greedyRatios), 'ratio');
  emit(BENCH, 'greedy_only_mean_ratio', greedyRatios.reduce((s, r) => s + r, 0) / count, 'ratio');
  emit(BENCH, 'optimal_share', (100 * optimal) / count, '%');
  emit(BENCH, 'guarantee', 1 - 1 / Math.E, 'ratio');
  emit(BENCH, 'greedy_mean_ms', greedyMs / count, 'ms');
  emit(BENCH, 'exact_mean_ms', exactMs / count, 'ms');
}
