// Event ingestion throughput on SQLite: 100,000 contacts, 1,000,000 events in batches of 10,000 through
// the ingestion use-case (with an enabled rule on another event type, as in production), with the
// audience index loaded (it takes each batch from the writer), then a count that catches it up. Events arrive as a live stream does: roughly in time order
// (an hour of jitter), each from a random contact.
// `npm run bench -- events [EVENTS] [CONTACTS] [--cache-mb N]` (N: SQLite page cache, default the store's)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { ingestEvents } from '../src/audience/events/ingest-events.js';
import type { EventImportItem } from '../src/audience/import/read-event-import.js';
import { audienceIndexFor } from '../src/audience/index/audience-index.js';
import { createTagRule } from '../src/audience/rules/create-tag-rule.js';
import { openStore } from '../src/platform/store/open-store.js';
import { createWorkspace } from '../src/workspaces/create-workspace.js';
import { emit, rng, rssMb } from './lib.js';

const BATCH = 10_000;
const HOUR = 3_600_000;
const TYPES = ['view', 'read', 'like', 'comment', 'share', 'click', 'message'];
const SOURCES = ['koc', 'community', 'campaign', 'content', 'channel'] as const;

export default async function run(args: string[]): Promise<void> {
  const flag = args.indexOf('--cache-mb');
  const cacheMb = flag >= 0 ? Number(args[flag + 1]) : undefined;
  const [total = 1_000_000, contacts = 100_000] = args
    .filter((_, i) => flag < 0 || (i !== flag && i !== flag + 1))
    .map(Number);
  const dir = mkdtempSync(join(tmpdir(), 'guimi-bench-events-'));
  const store = await openStore({ dataDir: dir });
  try {
    if (cacheMb) await sql`pragma cache_size = ${sql.raw(String(-cacheMb * 1024))}`.execute(store.db);
    const now = new Date('2026-11-23T00:00:00Z');
    const ws = await createWorkspace(
      store.db,
      { slug: 'bench', name: 'Bench' },
      { actor: 'bench', ownerUserId: null, defaultTimezone: 'Asia/Shanghai', now },
    );
    const at = now.toISOString();
    for (let i = 0; i < contacts; i += 5000) {
      const n = Math.min(5000, contacts - i);
      const rows = Array.from({ length: n }, (_, k) => ({
        workspace_id: ws.id,
        external_id: `u${i + k}`,
        attrs: '{}',
        created_at: at,
        updated_at: at,
      }));
      await store.db.insertInto('contacts').values(rows).execute();
    }
    await createTagRule(
      store.db,
      ws.id,
      { trigger: 'event', name: 'buyers', eventType: 'order', minCount: 2, withinDays: 30, tag: '复购' },
      { actor: 'bench', now },
    );
    const index = audienceIndexFor(store);
    // Built before ingestion, so what follows measures the live catch-up, not a rebuild.
    await index.count(ws.id, 'did view within 30d', { at: now });

    const random = rng(7);
    const span = 60 * 86_400_000 - HOUR;
    // Only the ingestion calls are timed, not the making of the test events between them.
    let ingestMs = 0;
    let ingestCpu = 0;
    let ingested = 0;
    for (let b = 0; b < total; b += BATCH) {
      const items: EventImportItem[] = [];
      for (let i = b; i < Math.min(total, b + BATCH); i++) {
        items.push({
          line: i + 1,
          row: {
            id: `e${i}`,
            contactExternalId: `u${Math.floor(random() * contacts)}`,
            type: TYPES[i % TYPES.length]!,
            at: now.getTime() - span + Math.floor((i / total) * span + random() * HOUR),
            props: { content: `c${i % 500}` },
            source: { kind: SOURCES[i % SOURCES.length]!, id: `s${i % 200}` },
          },
        });
      }
      const started = performance.now();
      const cpuStart = process.cpuUsage();
      ingested += (await ingestEvents(store.db, ws.id, items, now, { onListenerError: () => undefined }))
        .ingested;
      ingestMs += performance.now() - started;
      ingestCpu += cpuSeconds(cpuStart);
    }
    const ingestSeconds = ingestMs / 1000;
    const started = performance.now();
    const cpuStart = process.cpuUsage();
    const viewers = await index.count(ws.id, 'did view within 30d', { at: now });
    const totalSeconds = ingestSeconds + (performance.now() - started) / 1000;
    const totalCpu = ingestCpu + cpuSeconds(cpuStart);
    if (ingested !== total || viewers === 0)
      throw new Error(`ingested ${ingested} of ${total}, ${viewers} viewers`);

    emit('events', 'ingest_events_per_s', total / ingestSeconds, 'events/s');
    emit('events', 'ingest_plus_index_events_per_s', total / totalSeconds, 'events/s');
    emit('events', 'ingest_seconds', ingestSeconds, 's');
    emit('events', 'index_catch_up_seconds', totalSeconds - ingestSeconds, 's');
    // CPU time varies less than wall time on a shared machine.
    emit('events', 'ingest_cpu_seconds', ingestCpu, 's');
    emit('events', 'index_catch_up_cpu_seconds', totalCpu - ingestCpu, 's');
    emit('events', 'rss', rssMb(), 'MB');
    if (cacheMb) emit('events', 'sqlite_cache', cacheMb, 'MB');
    await index.close();
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** User + system CPU seconds of this process since `start`. */
function cpuSeconds(start: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1e6;
}
