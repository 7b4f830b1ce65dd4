// Runs every `everyWorker` job on this process's own timer; used by both schedulers.
import type { JobContext, JobDefinition } from './job.js';

export class WorkerLoops {
  private readonly running = new Set<Promise<void>>();
  private stopped = false;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly wakers = new Set<() => void>();

  constructor(
    private readonly defs: JobDefinition[],
    private readonly ctx: JobContext,
  ) {}

  start(): void {
    for (const def of this.defs) {
      const p = this.loop(def).finally(() => this.running.delete(p));
      this.running.add(p);
    }
  }

  /** Stops the timers and waits for the current iterations (their handlers see ctx.signal aborted). */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    for (const wake of this.wakers) wake();
    await Promise.all(this.running);
  }

  private async loop(def: JobDefinition): Promise<void> {
    while (!this.stopped) {
      let again = false;
      try {
        again = (await def.handler(def.payload.parse({}), this.ctx))?.again === true;
      } catch (err) {
        this.ctx.logger.error({ err, job: def.name }, 'job loop iteration failed');
      }
      if (!again && !this.stopped) await this.sleep(def.intervalMs ?? 1000);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(t);
        this.timers.delete(t);
        this.wakers.delete(done);
        resolve();
      };
      const t = setTimeout(done, ms);
      this.timers.add(t);
      this.wakers.add(done);
    });
  }
}
