// KOC selection at scale: 1,000 candidates whose follower sets total 10M entries over ~3M distinct fans
// (power-law set sizes; followers half from the KOC's own community, half from a popularity-skewed
// global pool), pick 163. Target: selection ≤ 1 s. Args: [k] [candidates] [entries] [--file] (--file also times
// reading the same instance back from a JSONL file with string fan ids, as `guimi koc select` does).
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import roaring from 'roaring';
import type { RoaringBitmap32 } from 'roaring';
import { selectKocs } from '../src/koc/select/select-kocs.js';
import type { KocCandidate } from '../src/koc/select/select-kocs.js';
import { readCandidates } from '../src/koc/select/read-candidates.js';
import { emit, percentile, rng, rssMb } from './lib.js';

const BENCH = 'select';
/** Fan ids are drawn from this pool; with the skew below about 3.0M of them end up followed. */
const POOL = 3_150_000;
const ZIPF = 1;
/** Global draws are floor(POOL · u^SKEW): low ids are the popular fans. */
const SKEW = 2;

function sizes(n: number, total: number): number[] {
  const raw = Array.from({ length: n }, (_, i) => 1 / (i + 1) ** ZIPF);
  const sum = raw.reduce((s, x) => s + x, 0);
  const out = raw.map((x) => Math.max(1, Math.floor((x / sum) * total)));
  out[n - 1]! += total - out.reduce((s, x) => s + x, 0);
  return out;
}

function generate(n: number, total: number): Uint32Array[] {
  const random = rng(163);
  const seen = new Uint8Array(POOL);
  return sizes(n, total).map((size) => {
    const fans = new Uint32Array(size);
    let count = 0;
    const take = (f: number) => {
      if (seen[f]) return;
      seen[f] = 1;
      fans[count++] = f;
    };
    // Own community: about half the followers, a contiguous stretch of the pool.
    const start = Math.floor(random() * POOL);
    for (let j = 0; count < size >> 1 && j < size; j++) if (random() < 0.5) take((start + j) % POOL);
    while (count < size) take(Math.floor(POOL * random() ** SKEW));
    for (const f of fans) seen[f] = 0;
    return fans;
  });
}

export default async function run(args: string[]): Promise<void> {
  const positional = args.filter((a) => !a.startsWith('--'));
  const k = Number(positional[0] ?? 163);
  const n = Number(positional[1] ?? 1000);
  const total = Number(positional[2] ?? 10_000_000);
  const lists = generate(n, total);

  let t = performance.now();
  const bitmaps: RoaringBitmap32[] = lists.map((fans) => new roaring.RoaringBitmap32(fans));
  bitmaps.forEach((b) => b.runOptimize());
  const buildMs = performance.now() - t;
  const distinct = roaring.RoaringBitmap32.orMany(bitmaps).size;
  const candidates: KocCandidate[] = bitmaps.map((followers, i) => ({
    id: `koc${String(i).padStart(4, '0')}`,
    followers,
  }));

  emit(BENCH, 'candidates', n, 'count');
  emit(
    BENCH,
    'entries',
    lists.reduce((s, l) => s + l.length, 0),
    'count',
  );
  emit(BENCH, 'distinct_fans', distinct, 'count');
  emit(BENCH, 'build_ms', buildMs, 'ms');

  const times: number[] = [];
  let reach = 0;
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    const result = selectKocs({ candidates, k });
    times.push(performance.now() - t);
    reach = result.reach;
    if (i === 0) emit(BENCH, 'picked', result.selected.length, 'count');
  }
  emit(BENCH, 'select_first_ms', times[0]!, 'ms');
  emit(
    BENCH,
    'select_p50_ms',
    percentile(
      [...times].sort((a, b) => a - b),
      50,
    ),
    'ms',
  );
  emit(BENCH, 'reach', reach, 'fans');
  emit(BENCH, 'reach_share', (100 * reach) / distinct, '%');
  emit(BENCH, 'rss', rssMb(), 'MB');
  if (args.includes('--file')) await timeFile(lists, k);
}

async function timeFile(lists: Uint32Array[], k: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'guimi-bench-select-'));
  const path = join(dir, 'candidates.jsonl');
  const out = createWriteStream(path);
  for (const [i, fans] of lists.entries()) {
    const followers = Array.from(fans, (f) => `fan${f}`);
    const line = JSON.stringify({ id: `koc${i}`, followers, cost: 1 + (i % 5) }) + '\n';
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  const t = performance.now();
  const file = await readCandidates(path);
  emit(BENCH, 'file_read_ms', performance.now() - t, 'ms');
  emit(BENCH, 'file_fans', file.fans, 'count');
  const s = performance.now();
  selectKocs({ candidates: file.candidates, k });
  emit(BENCH, 'file_select_ms', performance.now() - s, 'ms');
  emit(BENCH, 'file_rss', rssMb(), 'MB');
  rmSync(dir, { recursive: true, force: true });
}
