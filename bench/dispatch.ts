// Dispatch throughput: planned touches sent to the simulator with every guardrail checked (quiet hours,
// caps, pacing, promotion mix, opt-outs, suppressions; limits set high enough not to hold the run) and
// virtual fans reacting. 1) SQLite in-process; 2) PostgreSQL + Redis with two `guimi worker` processes.
// Args: --touches N (default 100000), --skip-pg.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { Redis } from 'ioredis';
import { dispatchDeps } from '../src/automation/dispatch/dispatch-deps.js';
import { dispatchRound } from '../src/automation/dispatch/dispatch-jobs.js';
import { planTouches, type PlannedTouch } from '../src/automation/dispatch/plan-touches.js';
import { defaultGuardrailSettings } from '../src/automation/guardrails/guardrail-settings.js';
import { updateGuardrailSettings } from '../src/automation/guardrails/update-guardrail-settings.js';
import { channelFor } from '../src/channels/registry.js';
import { seedSimAudience } from '../src/channels/simulator/seed-sim-audience.js';
import type { SimulatorChannel } from '../src/channels/simulator/simulator-channel.js';
import { VirtualClock, type Clock } from '../src/platform/clock.js';
import { createLogger } from '../src/platform/log.js';
import { openStore, type Store } from '../src/platform/store/open-store.js';
import { createWorkspace } from '../src/workspaces/create-workspace.js';
import { emit } from './lib.js';

const ACCOUNTS = 20;
// Fans stay silent here: this measures dispatch, not the audience's ingestion of their reactions.
const NO_FANS = { read: 0, click: 0, share: 0, reply: 0, optOut: 0, leaveGroup: 0 };

export async function seedDispatchRun(store: Store, n: number, now: Date): Promise<string> {
  const ws = await createWorkspace(
    store.db,
    { slug: 'bench', name: 'Bench' },
    { actor: 'bench', ownerUserId: null, defaultTimezone: 'Asia/Shanghai', now },
  );
  const local = (now.getUTCHours() + 8) % 24;
  const hh = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;
  await updateGuardrailSettings(
    store.db,
    ws.id,
    {
      ...defaultGuardrailSettings,
      // Quiet hours stay on, a few hours away from now, so they are checked without holding the run.
      quietHours: { enabled: true, start: hh(local + 3), end: hh(local + 5) },
      accountPacing: {
        enterprise: { perMinute: 1e9, perHour: 1e9 },
        personal: { perMinute: 1e9, perHour: 1e9 },
        jitterMs: 1000,
      },
    },
    { actor: 'bench', now },
  );
  const aud = await seedSimAudience(store, ws.id, {
    fans: n,
    accounts: Array.from({ length: ACCOUNTS }, (_, i) => ({
      name: `robot ${i}`,
      settings: { seed: i + 1, fans: NO_FANS },
    })),
    now,
  });
  const touches: PlannedTouch[] = aud.contactIds.map((c) => ({
    workspaceId: ws.id,
    idempotencyKey: `bench:${c}`,
    flowId: 'bench',
    flowRunId: null,
    stepId: null,
    kind: 'direct',
    accountId: aud.accountOf(c),
    contactId: c,
    groupId: null,
    scriptId: null,
    content: { text: '双十二福利来啦', attachments: [] },
    promotion: true,
    marketing: true,
    dueAt: now,
  }));
  for (let i = 0; i < touches.length; i += 20_000)
    await planTouches(store.db, touches.slice(i, i + 20_000), now);
  return ws.id;
}

async function countSent(store: Store): Promise<number> {
  const r = await sql<{ n: number }>`select count(*) as n from touches where state = 'sent'`.execute(
    store.db,
  );
  return Number(r.rows[0]!.n);
}

async function sqliteRun(n: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'guimi-bench-dispatch-'));
  const store = await openStore({ dataDir: dir });
  const clock: Clock = new VirtualClock('2026-11-23T02:00:00Z');
  const logger = createLogger('silent');
  try {
    await seedDispatchRun(store, n, clock.now());
    const deps = dispatchDeps({ store, clock, logger, workerId: 'bench', redis: null }, { batchSize: 2000 });
    const started = performance.now();
    for (;;) {
      const r = await dispatchRound(deps);
      if (r.dispatched.claimed === 0) break;
    }
    await (channelFor({ store, clock, logger }, 'simulator') as SimulatorChannel).settle();
    const seconds = (performance.now() - started) / 1000;
    const sent = await countSent(store);
    emit('dispatch', 'sqlite_touches_per_s', sent / seconds, 'touches/s');
    emit('dispatch', 'sqlite_sent', sent, 'touches');
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function postgresRun(n: number): Promise<void> {
  const adminUrl = process.env.GUIMI_TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const redisUrl = process.env.GUIMI_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const name = `guimi_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const redis = new Redis(redisUrl);
  await redis.flushdb();
  const store = await openStore({ dataDir: tmpdir(), databaseUrl: url.toString() });
  const workers: ChildProcess[] = [];
  try {
    await seedDispatchRun(store, n, new Date());
    const env = {
      ...process.env,
      DATABASE_URL: url.toString(),
      REDIS_URL: redisUrl,
      GUIMI_LOG_LEVEL: 'warn',
    };
    const started = performance.now();
    for (let i = 0; i < 2; i++) {
      workers.push(
        // Node itself with tsx's loader (not npx → tsx → node): the SIGTERM at the end reaches the worker.
        spawn(process.execPath, ['--import', 'tsx', 'src/cli/run.ts', 'worker', '--batch', '2000'], {
          env,
          stdio: ['ignore', 'ignore', 'inherit'],
        }),
      );
    }
    let sent = 0;
    while (sent < n) {
      await new Promise((r) => setTimeout(r, 200));
      sent = await countSent(store);
    }
    const seconds = (performance.now() - started) / 1000;
    emit('dispatch', 'pg_redis_2_workers_touches_per_s', sent / seconds, 'touches/s');
    const dup = await sql<{
      n: number;
    }>`select count(*) as n from (select idempotency_key from sim_messages where direction = 'out' group by idempotency_key having count(*) > 1) d`.execute(
      store.db,
    );
    emit('dispatch', 'pg_redis_duplicates', Number(dup.rows[0]!.n), 'touches');
  } finally {
    for (const w of workers) w.kill('SIGTERM');
    await Promise.all(
      workers.map((w) => new Promise((r) => (w.exitCode !== null ? r(null) : w.once('exit', r)))),
    );
    await store.close();
    await redis.quit();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

export default async function run(args: string[]): Promise<void> {
  const i = args.indexOf('--touches');
  const n = i >= 0 ? Number(args[i + 1]) : 100_000;
  await sqliteRun(n);
  if (!args.includes('--skip-pg')) await postgresRun(n);
}
