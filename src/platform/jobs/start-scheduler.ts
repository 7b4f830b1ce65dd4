// Starts the scheduler a process uses: BullMQ when REDIS_URL is set, else the durable store scheduler;
// plus the per-worker loops. `workers` = 0 only enqueues and schedules (a `guimi serve` in queue mode).
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Redis } from 'ioredis';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/open-store.js';
import { BullScheduler } from './bullmq-scheduler.js';
import type { JobContext, JobDefinition, Scheduler } from './job.js';
import { StoreScheduler } from './store-scheduler.js';
import { WorkerLoops } from './worker-loops.js';

export interface StartSchedulerOptions {
  store: Store;
  clock: Clock;
  logger: Logger;
  config: Config;
  jobs: JobDefinition[];
  /** Concurrent jobs (and whether loops run) in this process; 0 = enqueue/schedule only. */
  workers: number;
  queueName?: string;
  pollMs?: number;
  leaseMs?: number;
}

export interface RunningScheduler extends Scheduler {
  readonly workerId: string;
  readonly redis: Redis | null;
}

export async function startScheduler(opts: StartSchedulerOptions): Promise<RunningScheduler> {
  const workerId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const abort = new AbortController();
  const redis = opts.config.REDIS_URL
    ? new Redis(opts.config.REDIS_URL, { maxRetriesPerRequest: null, lazyConnect: false })
    : null;
  // An unreachable Redis is reported by the next command, not by an unhandled 'error' event.
  redis?.on('error', (err) => opts.logger.warn({ err }, 'redis connection error'));
  const ctx: JobContext = {
    store: opts.store,
    clock: opts.clock,
    logger: opts.logger,
    config: opts.config,
    workerId,
    signal: abort.signal,
    redis,
  };
  const queued = opts.jobs.filter((j) => !j.everyWorker);
  const inner = redis
    ? new BullScheduler(queued, ctx, redis, {
        concurrency: opts.workers,
        ...(opts.queueName ? { queueName: opts.queueName } : {}),
      })
    : new StoreScheduler(queued, ctx, {
        concurrency: opts.workers,
        ...(opts.pollMs ? { pollMs: opts.pollMs } : {}),
        ...(opts.leaseMs ? { leaseMs: opts.leaseMs } : {}),
      });
  await inner.start();
  const loops = new WorkerLoops(
    opts.jobs.filter((j) => j.everyWorker),
    ctx,
  );
  if (opts.workers > 0) loops.start();
  opts.logger.info({ scheduler: inner.kind, workers: opts.workers, workerId }, 'scheduler started');
  return {
    kind: inner.kind,
    workerId,
    redis,
    enqueue: (name, payload, o) => inner.enqueue(name, payload, o),
    stop: async () => {
      abort.abort();
      await loops.stop();
      await inner.stop();
      await redis?.quit().catch(() => undefined);
    },
  };
}
