// A helper thread with its own SQLite connection, one per store, for the work the writer's thread should
// not do itself:
// - WAL checkpoints. SQLite copies its write-ahead log back into the database file in a checkpoint, which
//   by default runs inside whichever commit pushes the log past 1,000 pages, so bulk writers (imports,
//   event batches, enrolments) would pay for it on the thread that runs every query. The worker
//   checkpoints every 200 ms in PASSIVE mode (it never waits for readers or writers, nor blocks them),
//   and every 5 ms while the log grew in the last second: the log starts over only when a checkpoint has
//   caught up with it between two write transactions, so under a bulk writer a slower pace let it reach
//   the writer's backstop every few batches (a 1M-contact import checkpointed ~20 times on its own
//   thread, ~0.6 s). The writer keeps that far higher automatic threshold so the log stays bounded even
//   if the worker falls behind or dies.
// - Bulk reads (`read`): a segment index rebuild asks for its next page here and builds from the current
//   one meanwhile, so SQLite's part runs on another core.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const INTERVAL_MS = 200;
/** The pace while the log grew within BUSY_MS: a bulk writer grows it ~100 MB/s. */
const BEHIND_MS = 5;
const BUSY_MS = 1000;
/** The writer's own automatic checkpoint, in bytes of log: only reached when the worker does not keep up. */
export const BACKSTOP_BYTES = 64 * 1024 * 1024;

// Plain CommonJS run as the worker's script: it needs no build step and no TypeScript loader.
const SCRIPT = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: 5000 });
db.pragma('wal_autocheckpoint = 0');
const statements = new Map();
let timer;
let last = '';
let grewAt = 0;
const tick = () => {
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    const state = r.log + '/' + r.checkpointed;
    if (state !== last) grewAt = Date.now();
    last = state;
  } catch {
    // Busy or locked now: the next tick (or the writer's backstop) checkpoints.
  }
  const busy = Date.now() - grewAt < workerData.busyFor;
  timer = setTimeout(tick, busy ? workerData.behind : workerData.interval);
};
timer = setTimeout(tick, workerData.interval);
parentPort.on('message', (m) => {
  if (m.type === 'stop') {
    clearTimeout(timer);
    db.close();
    parentPort.close();
    return;
  }
  try {
    let stmt = statements.get(m.sql);
    if (!stmt) statements.set(m.sql, (stmt = db.prepare(m.sql)));
    parentPort.postMessage({ id: m.id, rows: stmt.all(m.params) });
  } catch (e) {
    parentPort.postMessage({ id: m.id, error: String(e && e.message ? e.message : e) });
  }
});
`;

export interface SqliteWorker {
  /** Runs a read-only statement on the worker's connection. */
  read<R>(sql: string, params: readonly unknown[]): Promise<R[]>;
  /** Stops the worker and closes its connection (before the writer closes, so the writer checkpoints last). */
  stop(): Promise<void>;
}

export function startSqliteWorker(file: string): SqliteWorker {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(SCRIPT, {
    eval: true,
    workerData: { file, driver, interval: INTERVAL_MS, behind: BEHIND_MS, busyFor: BUSY_MS },
  });
  const pending = new Map<number, { resolve: (rows: never[]) => void; reject: (e: Error) => void }>();
  let failure: Error | undefined;
  let nextId = 0;
  worker.on('message', (m: { id: number; rows?: never[]; error?: string }) => {
    const waiter = pending.get(m.id);
    if (!waiter) return;
    pending.delete(m.id);
    if (pending.size === 0) worker.unref();
    if (m.error === undefined) waiter.resolve(m.rows!);
    else waiter.reject(new Error(m.error));
  });
  // A failed worker leaves checkpoints to the writer's backstop, and fails the reads still waiting.
  worker.on('error', (e) => {
    failure = e;
    for (const waiter of pending.values()) waiter.reject(e);
    pending.clear();
  });
  worker.unref();
  let stopped: Promise<void> | undefined;
  return {
    read: <R>(sql: string, params: readonly unknown[]) =>
      new Promise<R[]>((resolve, reject) => {
        if (failure || stopped) return reject(failure ?? new Error('the store is closed'));
        const id = nextId++;
        // Held while a read is out, so the process does not end waiting for it.
        if (pending.size === 0) worker.ref();
        pending.set(id, { resolve: resolve as (rows: never[]) => void, reject });
        worker.postMessage({ type: 'read', id, sql, params });
      }),
    stop: () =>
      (stopped ??= new Promise<void>((resolve) => {
        if (failure) return resolve();
        worker.ref();
        worker.once('exit', () => resolve());
        worker.postMessage({ type: 'stop' });
      })),
  };
}
