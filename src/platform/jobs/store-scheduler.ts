// The embedded durable scheduler: jobs live in the store's `jobs` table. Workers claim due jobs with a
// lease (`locked_until`); a crashed process's jobs are claimed again once the lease passes. Failures retry
// with exponential backoff and become `dead` after max attempts, with the error kept.
import { sql } from 'kysely';
import { newId } from '../ids.js';
import {
  backoffDelay,
  type EnqueueOptions,
  type JobContext,
  type JobDefinition,
  type Scheduler,
} from './job.js';
import type { JobTable } from './job-table.js';
import { isRecurring, nextRun } from './next-run.js';

export interface StoreSchedulerOptions {
  /** Jobs run at once by this process; 0 = only enqueue and schedule. */
  concurrency: number;
  pollMs?: number;
  leaseMs?: number;
  /** How long stop() waits for in-flight jobs before releasing them. */
  graceMs?: number;
}

const MAX_BACKOFF_MS = 3_600_000;

export class StoreScheduler implements Scheduler {
  readonly kind = 'store';
  private readonly defs: Map<string, JobDefinition>;
  private readonly inflight = new Map<string, Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private polling: Promise<void> | null = null;

  constructor(
    defs: JobDefinition[],
    private readonly ctx: JobContext,
    private readonly opts: StoreSchedulerOptions,
  ) {
    this.defs = new Map(defs.map((d) => [d.name, d]));
  }

  private get db() {
    return this.ctx.store.db;
  }

  async start(): Promise<void> {
    const now = this.ctx.clock.now();
    for (const def of this.defs.values()) {
      if (!isRecurring(def)) continue;
      await this.insert(`recurring:${def.name}`, def, {}, nextRun(def, now), now);
    }
    if (this.opts.concurrency > 0) this.schedulePoll(0);
  }

  async enqueue(name: string, payload: unknown, opts: EnqueueOptions = {}): Promise<void> {
    const def = this.definition(name);
    const now = this.ctx.clock.now();
    const id = opts.key ? `${name}:${opts.key}` : newId('job', now);
    await this.insert(
      id,
      def,
      def.payload.parse(payload),
      new Date(now.getTime() + (opts.delayMs ?? 0)),
      now,
    );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.polling;
    const all = Promise.all(this.inflight.values());
    let timeout: NodeJS.Timeout | undefined;
    await Promise.race([all, new Promise((r) => (timeout = setTimeout(r, this.opts.graceMs ?? 10_000)))]);
    clearTimeout(timeout);
    // Whatever did not finish goes back to the queue now rather than after its lease.
    if (this.inflight.size > 0) {
      await this.db
        .updateTable('jobs')
        .set({ state: 'queued', locked_until: null, locked_by: null })
        .where('id', 'in', [...this.inflight.keys()])
        .where('locked_by', '=', this.ctx.workerId)
        .execute();
    }
  }

  /** Claims and starts due jobs; exposed so tests can drive the scheduler without timers. */
  async pollOnce(): Promise<number> {
    const free = this.opts.concurrency - this.inflight.size;
    if (free <= 0 || this.stopped) return 0;
    const rows = await this.claim(free);
    for (const row of rows) {
      const p = this.run(row).finally(() => this.inflight.delete(row.id));
      this.inflight.set(row.id, p);
    }
    return rows.length;
  }

  /** Waits for the jobs started so far (tests). */
  async drain(): Promise<void> {
    await Promise.all(this.inflight.values());
  }

  private schedulePoll(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.polling = this.pollOnce()
        .catch((err: unknown) => this.ctx.logger.error({ err }, 'job poll failed'))
        .then((n) => this.schedulePoll(n ? 0 : (this.opts.pollMs ?? 250)));
    }, ms);
  }

  private async claim(limit: number): Promise<JobTable[]> {
    const now = this.ctx.clock.now().toISOString();
    const until = new Date(Date.parse(now) + (this.opts.leaseMs ?? 60_000)).toISOString();
    const lock = this.ctx.store.dialect === 'postgres' ? sql`for update skip locked` : sql``;
    const names = [...this.defs.keys()];
    if (names.length === 0) return [];
    const result = await sql<JobTable>`
      update jobs set state = 'running', locked_until = ${until}, locked_by = ${this.ctx.workerId},
        attempts = attempts + 1, updated_at = ${now}
      where id in (
        select id from jobs
        where name in (${sql.join(names)})
          and ((state = 'queued' and run_at <= ${now}) or (state = 'running' and locked_until < ${now}))
        order by run_at limit ${limit} ${lock}
      )
      returning *`.execute(this.db);
    return result.rows;
  }

  private async run(row: JobTable): Promise<void> {
    const def = this.definition(row.name);
    try {
      await def.handler(def.payload.parse(JSON.parse(row.payload)), this.ctx);
      const now = this.ctx.clock.now();
      await this.finish(
        row,
        isRecurring(def) ? { state: 'queued', run_at: nextRun(def, now), attempts: 0 } : { state: 'done' },
        null,
      );
    } catch (err) {
      const now = this.ctx.clock.now();
      const error = err instanceof Error ? err.message : String(err);
      this.ctx.logger.warn({ err, job: row.name, attempt: row.attempts }, 'job failed');
      if (isRecurring(def)) {
        await this.finish(row, { state: 'queued', run_at: nextRun(def, now), attempts: 0 }, error);
      } else if (row.attempts >= row.max_attempts) {
        await this.finish(row, { state: 'dead' }, error);
      } else {
        const delay = backoffDelay(row.attempts, def.backoffMs ?? 1000, MAX_BACKOFF_MS);
        await this.finish(row, { state: 'queued', run_at: new Date(now.getTime() + delay) }, error);
      }
    }
  }

  private async finish(
    row: JobTable,
    next: { state: string; run_at?: Date; attempts?: number },
    error: string | null,
  ): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set({
        state: next.state,
        ...(next.run_at ? { run_at: next.run_at.toISOString() } : {}),
        ...(next.attempts !== undefined ? { attempts: next.attempts } : {}),
        locked_until: null,
        locked_by: null,
        last_error: error,
        updated_at: this.ctx.clock.now().toISOString(),
      })
      .where('id', '=', row.id)
      .where('locked_by', '=', this.ctx.workerId)
      .execute();
  }

  private async insert(id: string, def: JobDefinition, payload: unknown, runAt: Date, now: Date) {
    await this.db
      .insertInto('jobs')
      .values({
        id,
        name: def.name,
        payload: JSON.stringify(payload ?? {}),
        state: 'queued',
        run_at: runAt.toISOString(),
        attempts: 0,
        max_attempts: def.maxAttempts ?? 5,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }

  private definition(name: string): JobDefinition {
    const def = this.defs.get(name);
    if (!def) throw new Error(`no job named "${name}" is defined`);
    return def;
  }
}
