import type { Command } from 'commander';
import { startGuimi } from '../server.js';
import { onShutdownSignal } from '../platform/http/serve.js';
import { createLogger } from '../platform/log.js';
import { migrateToLatest } from '../platform/store/migrate.js';
import { openStore } from '../platform/store/open-store.js';
import { report, type CliContext } from './context.js';

export function registerServeCommands(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('start the HTTP server, the console and the scheduler')
    .option('--port <port>', 'port (default: PORT or 8080)')
    .action(async (o: { port?: string }) => {
      const config = { ...ctx.config, ...(o.port ? { PORT: Number(o.port) } : {}) };
      const logger = createLogger(config.GUIMI_LOG_LEVEL);
      const running = await startGuimi({
        config,
        clock: ctx.clock,
        logger,
        announce: (t) => ctx.io.err(t + '\n'),
      });
      ctx.io.err(`Guimi is listening on ${running.url}\n`);
      await new Promise<void>((resolve) => onShutdownSignal(logger, () => running.close().then(resolve)));
    });

  program
    .command('migrate')
    .description('apply pending store migrations')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const store = await openStore({
        dataDir: ctx.config.GUIMI_DATA_DIR,
        databaseUrl: ctx.config.DATABASE_URL,
        migrate: false,
      });
      try {
        const results = await migrateToLatest(store);
        const applied = results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
        report(ctx, o.json, { store: store.location, applied }, () =>
          applied.length
            ? `Applied ${applied.length} migration(s) to ${store.location}:\n${applied.join('\n')}`
            : `${store.location} is up to date`,
        );
      } finally {
        await store.close();
      }
    });
}
