// The segment index against the store: a SQLite store with N contacts (200 Zipf tags, 10 cities, an
// attribute, a few events each over 60 days), then (a) index rebuild from the store, (b) count p50/p95
// of a 6-atom segment, (c) index memory, (d) the same segment as SQL on the same database and the ratio.
//   npm run bench -- segment [--contacts N] [--store DIR (reuse the store there)] [--runs R]
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { audienceIndexFor } from '../src/audience/index/audience-index.js';
import { segmentCountSql } from '../src/audience/segments/compile-segment-sql.js';
import { parseSegment } from '../src/audience/segments/parse-segment.js';
import { DAY_MS } from '../src/audience/segments/segment-values.js';
import { openStore } from '../src/platform/store/open-store.js';
import { createWorkspace } from '../src/workspaces/create-workspace.js';
import { emit, percentile, rng, rssMb, zipf } from './lib.js';

const BENCH = 'segment';
const TAGS = 200;
const CITIES = ['上海', '北京', '广州', '深圳', '杭州', '成都', '武汉', '南京', '西安', '重庆'];
const EVENT_TYPES = ['purchase', 'view', 'share', 'click'];
const AT = new Date(Date.UTC(2026, 0, 1, 10, 30));
const EXPRESSION =
  '(tag:t1 OR tag:t7) AND city = 上海 AND NOT tag:t2 AND attr.level >= 3 AND did purchase within 30d';
const BATCH = 50_000;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
}

export default async function segmentBench(args: string[]): Promise<void> {
  const contacts = Number(option(args, '--contacts') ?? 10_000_000);
  const runs = Number(option(args, '--runs') ?? 60);
  const keep = option(args, '--store');
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'guimi-bench-segment-'));
  try {
    let store = await openStore({ dataDir: dir });
    let ws = await store.db
      .selectFrom('workspaces')
      .select('id')
      .where('slug', '=', 'bench')
      .executeTakeFirst();
    if (!ws) {
      ws = await createWorkspace(
        store.db,
        { slug: 'bench', name: 'Bench' },
        { actor: 'bench', defaultTimezone: 'Asia/Shanghai', now: AT },
      );
      await store.close();
      const started = performance.now();
      const rows = generate(join(dir, 'guimi.db'), ws.id, contacts);
      const seconds = (performance.now() - started) / 1000;
      emit(BENCH, `generate_${contacts}_rows`, rows, 'rows');
      emit(BENCH, `generate_${contacts}_seconds`, seconds, 's');
      store = await openStore({ dataDir: dir });
    }
    const workspaceId = ws.id;
    const ast = parseSegment(EXPRESSION);
    const index = audienceIndexFor(store);

    const rssBefore = rssMb();
    let t = performance.now();
    const cpu = process.cpuUsage();
    const first = await index.count(workspaceId, ast, { at: AT });
    const rebuildMs = performance.now() - t;
    const { user, system } = process.cpuUsage(cpu);
    const rssAfter = rssMb();
    emit(BENCH, `rebuild_${contacts}_ms`, rebuildMs, 'ms');
    // This process's CPU time (the store's included on SQLite): steadier than wall time on a busy machine.
    emit(BENCH, `rebuild_${contacts}_cpu_ms`, (user + system) / 1000, 'ms');
    emit(BENCH, `index_rss_${contacts}_mb`, rssAfter - rssBefore, 'MB');
    emit(BENCH, `process_rss_${contacts}_mb`, rssAfter, 'MB');
    emit(BENCH, `count_${contacts}_result`, first, 'contacts');

    const times: number[] = [];
    for (let r = 0; r < runs; r++) {
      t = performance.now();
      const n = await index.count(workspaceId, ast, { at: AT });
      times.push(performance.now() - t);
      if (n !== first) throw new Error(`count changed between runs: ${first} then ${n}`);
    }
    times.sort((a, b) => a - b);
    const p50 = percentile(times, 50);
    emit(BENCH, `count_${contacts}_p50_ms`, p50, 'ms');
    emit(BENCH, `count_${contacts}_p95_ms`, percentile(times, 95), 'ms');
    await index.close();

    const sqlTimes: number[] = [];
    const sqlRuns = contacts > 2_000_000 ? 1 : 3;
    for (let r = 0; r < sqlRuns; r++) {
      t = performance.now();
      const res = await segmentCountSql(ast, workspaceId, {
        at: AT,
        dialect: 'sqlite',
        resolveSegment: () => undefined,
      }).execute(store.db);
      sqlTimes.push(performance.now() - t);
      if (Number(res.rows[0]!.n) !== first) throw new Error(`SQL counted ${res.rows[0]!.n}, index ${first}`);
    }
    sqlTimes.sort((a, b) => a - b);
    const sqlMs = percentile(sqlTimes, 50);
    emit(BENCH, `sql_count_${contacts}_ms`, sqlMs, 'ms');
    emit(BENCH, `sql_over_index_${contacts}_ratio`, sqlMs / p50, 'x');
    await store.close();
  } finally {
    if (!keep && existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  }
}

/** Bulk load with raw prepared statements; secondary indexes are dropped and rebuilt around it. */
function generate(file: string, workspaceId: string, n: number): number {
  const db = new SQLite(file);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  const indexes = db
    .prepare(
      `SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
       AND tbl_name IN ('contacts', 'contact_tags', 'events')`,
    )
    .pluck()
    .all() as string[];
  for (const ddl of indexes) db.exec(`DROP INDEX ${/INDEX\s+"?([\w]+)"?/i.exec(ddl)![1]}`);
  const random = rng(42);
  const tag = zipf(TAGS, random);
  const city = zipf(CITIES.length, random);
  const now = AT.toISOString();
  const insertTag = db.prepare('INSERT INTO tags (id, workspace_id, name, created_at) VALUES (?, ?, ?, ?)');
  for (let k = 0; k < TAGS; k++) insertTag.run(`tag_${k}`, workspaceId, `t${k}`, now);
  const contact = db.prepare(
    `INSERT INTO contacts (id, workspace_id, external_id, name, gender, city, birth_year, source, attrs,
       created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const tagged = db.prepare(
    `INSERT INTO contact_tags (contact_id, tag_id, workspace_id, added_at, added_by) VALUES (?, ?, ?, ?, 'import')`,
  );
  const event = db.prepare(
    `INSERT INTO events (workspace_id, event_id, contact_id, type, at, props, received_at)
     VALUES (?, ?, ?, ?, ?, '{}', ?)`,
  );
  const start = AT.getTime() - 60 * DAY_MS;
  let rows = 0;
  let eventNo = 0;
  const batch = db.transaction((from: number, to: number) => {
    for (let id = from; id < to; id++) {
      const created = new Date(start - Math.floor(random() * 300) * DAY_MS).toISOString();
      const attrs = `{"level":${Math.floor(random() * 6)}}`;
      const gender = random() < 0.7 ? 'f' : 'm';
      contact.run(
        id,
        workspaceId,
        `c${id}`,
        `用户${id}`,
        gender,
        CITIES[city()],
        1970 + (id % 35),
        'wx',
        attrs,
        created,
        created,
      );
      const tagCount = Math.floor(random() * 6);
      const mine = new Set<number>();
      for (let k = 0; k < tagCount; k++) mine.add(tag());
      for (const t of mine) tagged.run(id, `tag_${t}`, workspaceId, now);
      const events = Math.floor(random() * 6);
      for (let k = 0; k < events; k++) {
        const type = EVENT_TYPES[Math.floor(random() * random() * EVENT_TYPES.length)]!;
        event.run(
          workspaceId,
          `e${String(++eventNo).padStart(10, '0')}`,
          id,
          type,
          start + Math.floor(random() * 60 * DAY_MS),
          now,
        );
      }
      rows += 1 + mine.size + events;
    }
  });
  for (let from = 1; from <= n; from += BATCH) batch(from, Math.min(n + 1, from + BATCH));
  for (const ddl of indexes) db.exec(ddl);
  db.exec('ANALYZE');
  db.close();
  return rows;
}
