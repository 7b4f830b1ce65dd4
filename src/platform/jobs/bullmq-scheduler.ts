// With REDIS_URL: jobs go through a BullMQ queue; `guimi worker` processes (and `guimi serve` unless
// GUIMI_WORKERS=0) pull them, n8n "queue mode" style. BullMQ's own locks re-run a crashed worker's jobs.
import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { EnqueueOptions, JobContext, JobDefinition, Scheduler } from './job.js';
import { isRecurring } from './next-run.js';

export interface BullSchedulerOptions {
  concurrency: number;
  /** Queue name (tests and benchmarks isolate themselves with their own). */
  queueName?: string;
}

export class BullScheduler implements Scheduler {
  readonly kind = 'bullmq';
  private readonly defs: Map<string, JobDefinition>;
  private readonly queue: Queue;
  private worker: Worker | null = null;

  constructor(
    defs: JobDefinition[],
    private readonly ctx: JobContext,
    private readonly connection: Redis,
    private readonly opts: BullSchedulerOptions,
  ) {
    this.defs = new Map(defs.map((d) => [d.name, d]));
    this.queue = new Queue(opts.queueName ?? 'guimi', { connection });
  }

  async start(): Promise<void> {
    for (const def of this.defs.values()) {
      if (!isRecurring(def)) continue;
      await this.queue.upsertJobScheduler(
        def.name,
        def.cron ? { pattern: def.cron, tz: 'UTC' } : { every: def.intervalMs! },
        { name: def.name, data: {}, opts: { removeOnComplete: 100, removeOnFail: 1000 } },
      );
    }
    if (this.opts.concurrency > 0) {
      this.worker = new Worker(
        this.queue.name,
        async (job) => {
          const def = this.defs.get(job.name);
          if (!def) throw new Error(`no job named "${job.name}" is defined`);
          await def.handler(def.payload.parse(job.data), this.ctx);
        },
        { connection: this.connection, concurrency: this.opts.concurrency },
      );
      this.worker.on('failed', (job, err) =>
        this.ctx.logger.warn({ err, job: job?.name, attempt: job?.attemptsMade }, 'job failed'),
      );
    }
  }

  async enqueue(name: string, payload: unknown, opts: EnqueueOptions = {}): Promise<void> {
    const def = this.defs.get(name);
    if (!def) throw new Error(`no job named "${name}" is defined`);
    await this.queue.add(name, def.payload.parse(payload), {
      ...(opts.key ? { jobId: `${name}-${opts.key}` } : {}),
      ...(opts.delayMs ? { delay: opts.delayMs } : {}),
      attempts: def.maxAttempts ?? 5,
      backoff: { type: 'exponential', delay: def.backoffMs ?? 1000 },
      removeOnComplete: 1000,
      // Dead jobs stay (with their error) for an operator to see.
      removeOnFail: false,
    });
  }

  async stop(): Promise<void> {
    // Worker.close() waits for the jobs in flight; the queue connection is shared, so not closed here.
    await this.worker?.close();
    await this.queue.close();
  }
}
