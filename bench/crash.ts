// Crash safety: dispatch touches while a harness SIGKILLs the `guimi worker` process at random moments
// and restarts it. Prints duplicates (keys the simulator received twice) and lost touches (not sent, or
// marked sent without reaching the simulator) — both must be 0 — and the unknown touches reconciled.
// Args: --touches N (default 100000), --kills K (default 20). SQLite store (one writer, the worker).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { sql } from 'kysely';
import { openStore, type Store } from '../src/platform/store/open-store.js';
import { emit, rng } from './lib.js';
import { seedDispatchRun } from './dispatch.js';

export interface CrashReport {
  touches: number;
  kills: number;
  duplicates: number;
  lost: number;
  reconciled: number;
}

async function count(store: Store, query: ReturnType<typeof sql<{ n: number }>>): Promise<number> {
  return Number((await query.execute(store.db)).rows[0]!.n);
}

export async function crashRun(opts: {
  touches: number;
  kills: number;
  seed?: number;
  maxMs?: number;
}): Promise<CrashReport> {
  const dir = mkdtempSync(join(tmpdir(), 'guimi-crash-'));
  const random = rng(opts.seed ?? 42);
  const env = {
    ...process.env,
    GUIMI_DATA_DIR: dir,
    GUIMI_LOG_LEVEL: 'info',
    DATABASE_URL: '',
    REDIS_URL: '',
  };
  let store = await openStore({ dataDir: dir });
  await seedDispatchRun(store, opts.touches, new Date());
  await store.close();
  let reconciled = 0;
  const start = (): ChildProcess => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/run.ts', 'worker', '--lease-ms', '1500', '--batch', '1000'],
      {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.includes('"reconciled"')) return;
      try {
        reconciled += (JSON.parse(line) as { reconciled: { reconciled: number } }).reconciled.reconciled;
      } catch {
        // a line cut by SIGKILL
      }
    });
    return child;
  };
  const exited = (c: ChildProcess) =>
    new Promise((r) => (c.exitCode !== null || c.signalCode !== null ? r(null) : c.once('exit', r)));
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  store = await openStore({ dataDir: dir });
  const pending = sql<{
    n: number;
  }>`select count(*) as n from touches where state not in ('sent', 'dead', 'cancelled')`;
  let kills = 0;
  const deadline = Date.now() + (opts.maxMs ?? 600_000);
  try {
    while (kills < opts.kills) {
      const child = start();
      // Kill somewhere in the first rounds after the worker says it runs (startup varies with the machine).
      await new Promise((resolve) => {
        createInterface({ input: child.stderr! }).on('line', (l) => l.includes('running') && resolve(null));
        child.once('exit', resolve);
      });
      await sleep(random() * 1500);
      child.kill('SIGKILL');
      await exited(child);
      kills++;
    }
    const child = start();
    while ((await count(store, pending)) > 0 && Date.now() < deadline) await sleep(250);
    child.kill('SIGTERM');
    await exited(child);
    const duplicates = await count(
      store,
      sql`select count(*) as n from (select idempotency_key from sim_messages where direction = 'out'
          group by idempotency_key having count(*) > 1) d`,
    );
    const lost = await count(
      store,
      sql`select count(*) as n from touches t where t.state <> 'sent' or not exists
          (select 1 from sim_messages m where m.idempotency_key = t.idempotency_key and m.direction = 'out')`,
    );
    return { touches: opts.touches, kills, duplicates, lost, reconciled };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export default async function run(args: string[]): Promise<void> {
  const arg = (name: string, d: number) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : d;
  };
  const r = await crashRun({ touches: arg('--touches', 100_000), kills: arg('--kills', 20) });
  emit('crash', 'touches', r.touches, 'touches');
  emit('crash', 'kills', r.kills, 'kills');
  emit('crash', 'duplicates', r.duplicates, 'touches');
  emit('crash', 'lost', r.lost, 'touches');
  emit('crash', 'unknown_reconciled', r.reconciled, 'touches');
}
