// Fan-ladder re-evaluation on SQLite: 1,000,000 fans already placed on the ladder (50,000 iron fans idle for
// 100 days), then a day of 2,000,000 events (half from a busy 10% of fans), then one evaluation of every
// fan's tier through the use-case (aggregated queries into roaring bitmaps, writes of the changes with
// history, change feed and tier_changed events). Setup is written with set-based SQL and not timed.
// `npm run bench -- ladder [FANS] [EVENTS]`
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { evaluateTiers } from '../src/koc/ladder/evaluate-tiers.js';
import { openStore } from '../src/platform/store/open-store.js';
import { createWorkspace } from '../src/workspaces/create-workspace.js';
import { emit, rssMb } from './lib.js';

const DAY = 86_400_000;
// 100 slots: a type's share of the day's events.
const WEIGHTS: [string, number][] = [
  ['order', 1],
  ['seeding_accepted', 2],
  ['like', 30],
  ['comment', 15],
  ['share', 10],
  ['message', 20],
  ['view', 15],
  ['click', 7],
];
const SLOTS = WEIGHTS.flatMap(([t, n]) => Array<string>(n).fill(t));

export default async function run(args: string[]): Promise<void> {
  const [fans = 1_000_000, events = 2_000_000] = args.map(Number);
  const busy = Math.floor(fans / 10);
  const dir = mkdtempSync(join(tmpdir(), 'guimi-bench-ladder-'));
  const store = await openStore({ dataDir: dir });
  try {
    const now = new Date('2026-11-23T00:00:00Z');
    const at = now.toISOString();
    const ws = await createWorkspace(
      store.db,
      { slug: 'bench', name: 'Bench' },
      { actor: 'bench', ownerUserId: null, defaultTimezone: 'Asia/Shanghai', now },
    );
    const setup = performance.now();
    await sql`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${fans})
      INSERT INTO contacts (workspace_id, external_id, attrs, created_at, updated_at)
      SELECT ${ws.id}, 'u' || i, '{}', ${at}, ${at} FROM n`.execute(store.db);
    const { lo } = (
      await sql<{ lo: number }>`SELECT min(id) AS lo FROM contacts WHERE workspace_id = ${ws.id}`.execute(
        store.db,
      )
    ).rows[0]!;
    const idle = new Date(now.getTime() - 100 * DAY).toISOString();
    await sql`INSERT INTO contact_tiers (workspace_id, contact_id, tier, since, rule)
      SELECT ${ws.id}, id, CASE WHEN id - ${lo} >= ${fans - 50_000} THEN 'iron' ELSE 'passerby' END,
        ${idle}, 'initial' FROM contacts WHERE workspace_id = ${ws.id}`.execute(store.db);
    const types = sql.raw(`json('${JSON.stringify(SLOTS)}')`);
    // Even events go to the busy tenth of the fans, odd ones anywhere; times spread over the last day.
    await sql`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${events - 1})
      INSERT INTO events (workspace_id, event_id, contact_id, type, at, props, received_at)
      SELECT ${ws.id}, 'b' || i,
        ${lo} + CASE WHEN i % 2 = 0 THEN (i / 2) % ${busy} ELSE (i * 7919) % ${fans} END,
        json_extract(${types}, '$[' || ((i * 2654435761 / 65536) % 100) || ']'),
        ${now.getTime()} - (i * 43) % ${DAY}, '{}', ${at} FROM n`.execute(store.db);
    emit('ladder', 'setup_seconds', (performance.now() - setup) / 1000, 's');

    const started = performance.now();
    const cpu = process.cpuUsage();
    const r = await evaluateTiers(store.db, ws.id, null, { now });
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const written = await sql<{ n: number }>`SELECT count(*) AS n FROM events
      WHERE workspace_id = ${ws.id} AND type = 'tier_changed'`.execute(store.db);
    if (r.evaluated !== fans || written.rows[0]!.n !== r.changes.length)
      throw new Error(
        `evaluated ${r.evaluated} of ${fans}; ${written.rows[0]!.n} events for ${r.changes.length}`,
      );
    emit('ladder', 'evaluate_all_seconds', seconds, 's');
    // Wall time swings with whatever else runs on the machine; the process's CPU time much less.
    emit('ladder', 'cpu_seconds', (used.user + used.system) / 1e6, 's');
    emit('ladder', 'fans', r.evaluated, 'fans');
    emit('ladder', 'promoted', r.promoted, 'fans');
    emit('ladder', 'demoted', r.demoted, 'fans');
    emit('ladder', 'fans_per_s', r.evaluated / seconds, 'fans/s');
    emit('ladder', 'rss', rssMb(), 'MB');
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
