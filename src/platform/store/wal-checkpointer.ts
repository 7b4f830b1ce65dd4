// SQLite copies its write-ahead log back into the database file in a checkpoint, which by default runs
// inside whichever commit pushes the log past 1,000 pages: bulk writers (imports, event batches,
// enrolments) pay for it on the one thread that runs every query. A worker thread with its own connection
// checkpoints instead, on another core, in PASSIVE mode (it never waits for readers or writers, nor
// blocks them). The writer keeps a far higher automatic threshold as a backstop, so the log stays bounded
// even if the worker falls behind or dies.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const INTERVAL_MS = 200;
/** The writer's own automatic checkpoint, in pages: only reached when the worker does not keep up. */
export const BACKSTOP_PAGES = 16_000;

// Plain CommonJS run as the worker's script: it needs no build step and no TypeScript loader.
const SCRIPT = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: 0 });
db.pragma('wal_autocheckpoint = 0');
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy or locked now: the next tick (or the writer's backstop) checkpoints.
  }
}, workerData.interval);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface WalCheckpointer {
  /** Stops the worker and closes its connection (before the writer closes, so the writer checkpoints last). */
  stop(): Promise<void>;
}

export function startWalCheckpointer(file: string): WalCheckpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(SCRIPT, { eval: true, workerData: { file, driver, interval: INTERVAL_MS } });
  // A failed worker only leaves checkpoints to the writer's backstop.
  worker.on('error', () => undefined);
  worker.unref();
  let stopped: Promise<void> | undefined;
  return {
    stop: () =>
      (stopped ??= new Promise<void>((resolve) => {
        // Held until it exits: an unreferenced worker would let the process end mid-close.
        worker.ref();
        worker.once('exit', () => resolve());
        worker.postMessage('stop');
      })),
  };
}
