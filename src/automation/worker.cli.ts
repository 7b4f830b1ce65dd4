// `guimi worker`: a process that only runs background work (queue mode: with REDIS_URL it pulls jobs
// from BullMQ; without, it claims them from the store). SIGTERM/SIGINT finish or release in-flight work.
import type { Command } from 'commander';
import type { CliContext } from '../cli/context.js';
import { jobDefinitions } from '../jobs.js';
import { onShutdownSignal } from '../platform/http/serve.js';
import { startScheduler } from '../platform/jobs/start-scheduler.js';
import { createLogger } from '../platform/log.js';
import { listenForOptOuts } from './guardrails/record-opt-outs.js';
import { listenForLadder } from '../koc/ladder/listen-for-ladder.js';
import { startChannelRuntime } from '../channels/wechaty/channel-runtime.js';

const int = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`expected a positive integer, got "${v}"`);
  return n;
};

export function registerWorkerCommands(program: Command, ctx: CliContext): void {
  program
    .command('worker')
    .description('run background jobs and the touch dispatcher (several workers may share one store/Redis)')
    .option('--concurrency <n>', 'jobs run at once', int, 4)
    .option('--batch <n>', 'touches claimed per dispatch round', int)
    .option('--lease-ms <ms>', 'how long a claimed touch is leased before it counts as crashed', int)
    .action(async (o: { concurrency: number; batch?: number; leaseMs?: number }) => {
      const logger = createLogger(ctx.config.GUIMI_LOG_LEVEL);
      const store = await ctx.store();
      const stopOptOuts = listenForOptOuts(store.db, logger);
      const stopLadder = listenForLadder(store.db, ctx.clock, logger);
      const stopChannels = startChannelRuntime({ store, clock: ctx.clock, logger, config: ctx.config });
      const scheduler = await startScheduler({
        store,
        clock: ctx.clock,
        logger,
        config: ctx.config,
        workers: o.concurrency,
        jobs: jobDefinitions({
          dispatch: {
            ...(o.batch ? { batchSize: o.batch } : {}),
            ...(o.leaseMs ? { leaseMs: o.leaseMs } : {}),
          },
        }),
      });
      ctx.io.err(`guimi worker ${scheduler.workerId} running (${scheduler.kind})\n`);
      await new Promise<void>((resolve) =>
        onShutdownSignal(logger, async () => {
          await scheduler.stop();
          stopOptOuts();
          stopLadder();
          await stopChannels();
          resolve();
        }),
      );
    });
}
