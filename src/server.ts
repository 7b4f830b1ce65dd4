// Starts Guimi: config → store (migrated) → first owner → demo → HTTP. Used by `guimi serve` and tests.
import { join } from 'node:path';
import { ensureOwner } from './access/ensure-owner.js';
import { buildApp } from './app.js';
import { seedDemo } from './demo/seed-demo.js';
import { packageRoot } from './package-root.js';
import { RateLimiter } from './platform/auth/rate-limit.js';
import { systemClock, type Clock } from './platform/clock.js';
import type { Config } from './platform/config.js';
import type { AppDeps } from './platform/http/context.js';
import { closeServer, listen } from './platform/http/serve.js';
import { createLogger, type Logger } from './platform/log.js';
import { openStore, type Store } from './platform/store/open-store.js';
import { startScheduler, type RunningScheduler } from './platform/jobs/start-scheduler.js';
import { listenForOptOuts } from './automation/guardrails/record-opt-outs.js';
import { jobDefinitions } from './jobs.js';
import { listenForLadder } from './koc/ladder/listen-for-ladder.js';
import { startChannelRuntime } from './channels/wechaty/channel-runtime.js';

export interface StartOptions {
  config: Config;
  clock?: Clock;
  logger?: Logger;
  /** Where console messages for a person go (login hints), apart from the structured log. */
  announce?: (text: string) => void;
}

export interface RunningGuimi {
  url: string;
  port: number;
  store: Store;
  deps: AppDeps;
  scheduler: RunningScheduler;
  close(): Promise<void>;
}

export async function startGuimi(opts: StartOptions): Promise<RunningGuimi> {
  const started = performance.now();
  const { config } = opts;
  const clock = opts.clock ?? systemClock;
  const logger = opts.logger ?? createLogger(config.GUIMI_LOG_LEVEL);
  const announce = opts.announce ?? ((t: string) => process.stderr.write(t + '\n'));
  const store = await openStore({ dataDir: config.GUIMI_DATA_DIR, databaseUrl: config.DATABASE_URL });
  let scheduler: RunningScheduler | undefined;
  const stopOptOuts = listenForOptOuts(store.db, logger);
  const stopLadder = listenForLadder(store.db, clock, logger);
  const stopChannels = startChannelRuntime({ store, clock, logger, config });
  try {
    const owner = await ensureOwner(
      store.db,
      { email: config.GUIMI_ADMIN_EMAIL, password: config.GUIMI_ADMIN_PASSWORD },
      clock.now(),
    );
    const demo =
      config.GUIMI_DEMO && owner
        ? await seedDemo(store.db, {
            ownerUserId: owner.user.id,
            timezone: config.GUIMI_TIMEZONE,
            clock,
            dataDir: config.GUIMI_DATA_DIR,
          })
        : null;
    const deps: AppDeps = { store, clock, config, logger, loginLimiter: new RateLimiter(10, 15 * 60_000) };
    scheduler = await startScheduler({
      store,
      clock,
      logger,
      config,
      jobs: jobDefinitions(),
      workers: config.GUIMI_WORKERS,
    });
    const app = buildApp(deps, join(packageRoot(), 'dist', 'console'));
    const { server, port } = await listen(app, config.PORT, config.HOST);
    const url = `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${port}`;
    logger.info(
      {
        url,
        store: store.location,
        dialect: store.dialect,
        startupMs: Math.round(performance.now() - started),
      },
      'guimi started',
    );
    if (owner?.created) {
      announce(
        `Owner account created: ${owner.user.email}` +
          (owner.generatedPassword
            ? ` with generated password ${owner.generatedPassword} (shown once; set GUIMI_ADMIN_PASSWORD before the first start to choose your own)`
            : ''),
      );
    }
    if (demo)
      announce(`Demo workspace "${demo.slug}" created: open ${url} and log in as ${owner!.user.email}.`);
    return {
      url,
      port,
      store,
      deps,
      scheduler,
      close: async () => {
        await closeServer(server);
        await scheduler!.stop();
        stopOptOuts();
        stopLadder();
        await stopChannels();
        await store.close();
      },
    };
  } catch (e) {
    await scheduler?.stop();
    stopOptOuts();
    stopLadder();
    await stopChannels();
    await store.close();
    throw e;
  }
}
