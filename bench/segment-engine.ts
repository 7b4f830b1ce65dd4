// In-memory segment engine at scale: builds a SegmentIndex of N synthetic contacts (200 Zipf tags,
// 10 cities, attributes, ~2 events each over 60 days), then times counts of a 6-atom segment.
//   npm run bench -- segment-engine [N ...]      (default: 1000000 10000000)
import { emit, percentile, rng, rssMb } from './lib.js';
import { countSegment } from '../src/audience/segments/evaluate-segment.js';
import { parseSegment } from '../src/audience/segments/parse-segment.js';
import { SegmentIndex } from '../src/audience/segments/segment-index.js';
import type { ContactFields } from '../src/audience/segments/segment-index.js';
import { DAY_MS } from '../src/audience/segments/segment-values.js';

const BENCH = 'segment-engine';
const BATCH = 100_000;
const TAGS = 200;
const CITIES = ['上海', '北京', '广州', '深圳', '杭州', '成都', '武汉', '南京', '西安', '重庆'];
const EVENT_TYPES = ['purchase', 'view', 'share'];
const AT = Date.UTC(2026, 0, 1, 10, 30);
const QUERIES = {
  six_atoms:
    '(tag:t1 OR tag:t7) AND city = 上海 AND NOT tag:t2 AND attr.level >= 5 AND did purchase within 30d',
  count_window: 'tag:t3 AND count(view, 14d) >= 2',
  created_range: 'created_at >= 2025-06-01 AND gender = f AND attr.vip = true',
};

/** Zipf(s = 1) sampler over 0..n-1 through its cumulative distribution. */
function zipf(n: number, random: () => number): () => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k++) cdf[k] = sum += 1 / (k + 1);
  for (let k = 0; k < n; k++) cdf[k]! /= sum;
  return () => {
    const u = random();
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Wall and CPU time of the index calls only (generating the synthetic data is not counted). */
function build(n: number): { index: SegmentIndex; buildMs: number; buildCpuMs: number; events: number } {
  const random = rng(n);
  const tag = zipf(TAGS, random);
  const city = zipf(CITIES.length, random);
  const index = new SegmentIndex();
  let buildMs = 0;
  let buildCpuMs = 0;
  let events = 0;
  for (let from = 0; from < n; from += BATCH) {
    const size = Math.min(BATCH, n - from);
    const ids = new Uint32Array(size);
    const rows: ContactFields[] = [];
    const tagIds: number[][] = Array.from({ length: TAGS }, () => []);
    const ev = EVENT_TYPES.map(() => ({ ats: [] as number[], ids: [] as number[] }));
    for (let k = 0; k < size; k++) {
      const id = from + k + 1;
      ids[k] = id;
      rows.push({
        gender: random() < 0.7 ? 'f' : random() < 0.8 ? 'm' : null,
        city: random() < 0.9 ? CITIES[city()]! : null,
        birth_year: 1960 + Math.floor(random() * 45),
        source: `src${Math.floor(random() * 5)}`,
        created_at: new Date(
          AT - Math.floor(random() * 1000) * DAY_MS - Math.floor(random() * DAY_MS),
        ).toISOString(),
        attrs: { level: 1 + Math.floor(random() * 10), vip: random() < 0.1 },
      });
      for (let t = Math.floor(random() * 6); t > 0; t--) tagIds[tag()]!.push(id);
      for (let e = Math.floor(random() * 5); e > 0; e--) {
        const type = Math.floor(random() * random() * EVENT_TYPES.length);
        ev[type]!.ats.push(AT - Math.floor(random() * 60 * DAY_MS));
        ev[type]!.ids.push(id);
        events++;
      }
    }
    const start = performance.now();
    const startCpu = cpuMs();
    index.upsertContacts(ids, rows);
    tagIds.forEach((members, t) => members.length > 0 && index.addLabelMany('tag', `t${t}`, members));
    ev.forEach((e, type) => index.addEvents(EVENT_TYPES[type]!, e.ats, e.ids));
    buildMs += performance.now() - start;
    buildCpuMs += cpuMs() - startCpu;
  }
  const start = performance.now();
  const startCpu = cpuMs();
  index.runOptimize();
  buildMs += performance.now() - start;
  buildCpuMs += cpuMs() - startCpu;
  return { index, buildMs, buildCpuMs, events };
}

/**
 * `stepMs` moves `at` back between runs: a minute keeps "now"-like windows (sharing the engine's
 * window unions for the hour, as dashboard counts do); over an hour makes every window new (cold).
 */
function timeQuery(
  index: SegmentIndex,
  text: string,
  runs: number,
  stepMs: number,
): { p50: number; p95: number; cpuP50: number; count: number } {
  const ast = parseSegment(text);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let count = 0;
  for (let r = 0; r < runs; r++) {
    const options = { at: new Date(AT - r * stepMs), resolveSegment: () => undefined };
    const start = performance.now();
    const startCpu = cpuMs();
    count = countSegment(index, ast, options);
    times.push(performance.now() - start);
    cpuTimes.push(cpuMs() - startCpu);
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), cpuP50: percentile(cpuTimes, 50), count };
}

export default async function segmentEngine(args: string[]): Promise<void> {
  const sizes = args.length > 0 ? args.map(Number) : [1_000_000, 10_000_000];
  for (const n of sizes) {
    const label = n >= 1_000_000 ? `${n / 1_000_000}m` : `${n}`;
    let built: ReturnType<typeof build> | undefined = build(n);
    emit(BENCH, `build_${label}`, built.buildMs / 1000, 's');
    emit(BENCH, `build_cpu_${label}`, built.buildCpuMs / 1000, 's');
    emit(BENCH, `events_${label}`, built.events, 'events');
    const cases = [
      ...Object.entries(QUERIES).map(([name, text]) => [name, text, 60_000] as const),
      ['six_atoms_cold', QUERIES.six_atoms, 3_660_000] as const,
    ];
    for (const [name, text, stepMs] of cases) {
      const runs = name.startsWith('six_atoms') ? 200 : 30;
      const { p50, p95, cpuP50, count } = timeQuery(built.index, text, runs, stepMs);
      emit(BENCH, `${name}_p50_${label}`, p50, 'ms');
      // CPU time of the query: what wall time would be on an otherwise idle machine.
      emit(BENCH, `${name}_cpu_p50_${label}`, cpuP50, 'ms');
      emit(BENCH, `${name}_p95_${label}`, p95, 'ms');
      emit(BENCH, `${name}_matches_${label}`, count, 'contacts');
    }
    (globalThis as { gc?: () => void }).gc?.();
    emit(BENCH, `rss_${label}`, rssMb(), 'MB');
    built = undefined;
    (globalThis as { gc?: () => void }).gc?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
