// The `guimi` command line. Every domain registers its commands; errors map to exit codes through the
// one error table (0 ok, 2 bad input, 1 failure).
import { Command, CommanderError } from 'commander';
import { registerAccessCommands } from '../access/access.cli.js';
import { registerContentCommands } from '../content/content.cli.js';
import { registerEventCommands } from '../audience/events/events.cli.js';
import { registerSegmentCommands } from '../audience/saved-segments/segment.cli.js';
import { registerImportCommands } from '../audience/import.cli.js';
import { registerTouchCommands } from '../automation/dispatch/touches.cli.js';
import { registerWorkerCommands } from '../automation/worker.cli.js';
import { systemClock, type Clock } from '../platform/clock.js';
import { loadConfig, type Config } from '../platform/config.js';
import { AppError, errorBody, isAppError } from '../platform/errors.js';
import { openStore, translateStoreError, type Store } from '../platform/store/open-store.js';
import { registerWorkspaceCommands } from '../workspaces/workspaces.cli.js';
import { registerKocSelectCommand } from '../koc/koc-select.cli.js';
import { registerLadderCommands } from '../koc/ladder/ladder.cli.js';
import { registerKocCommands } from '../koc/roster/koc.cli.js';
import type { CliContext, CliIo } from './context.js';
import { registerServeCommands } from './serve.cli.js';
import { registerFlowCommands } from '../automation/flows/flows.cli.js';
import { registerSimulateCommand } from '../automation/simulate/simulate.cli.js';
import { registerChannelCommands } from '../channels/channels.cli.js';
import { registerWechatyCommands } from '../channels/wechaty/wechaty.cli.js';

const registrars = [
  registerServeCommands,
  registerWorkspaceCommands,
  registerAccessCommands,
  registerEventCommands,
  registerKocSelectCommand,
  registerLadderCommands,
  registerKocCommands,
  registerContentCommands,
  registerSegmentCommands,
  registerImportCommands,
  registerFlowCommands,
  registerSimulateCommand,
  registerWorkerCommands,
  registerTouchCommands,
  registerChannelCommands,
  registerWechatyCommands,
];

export interface RunOptions {
  env?: Record<string, string | undefined>;
  io?: CliIo;
  clock?: Clock;
}

const processIo: CliIo = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  interactive: Boolean(process.stderr.isTTY),
};

export async function runCli(argv: string[], opts: RunOptions = {}): Promise<number> {
  const io = opts.io ?? processIo;
  const env = opts.env ?? process.env;
  let exitCode = 0;
  let store: Store | undefined;
  let config: Config | undefined;
  const ctx: CliContext = {
    io,
    clock: opts.clock ?? systemClock,
    get config() {
      return (config ??= loadConfig(env));
    },
    store: async () =>
      (store ??= await openStore({
        dataDir: ctx.config.GUIMI_DATA_DIR,
        databaseUrl: ctx.config.DATABASE_URL,
      })),
    setExitCode: (code) => {
      exitCode = code;
    },
  };
  const program = new Command('guimi')
    .description('Guimi (闺蜜): private-domain KOC operations platform')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError();
  for (const register of registrars) register(program, ctx);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? 0 : 2;
    }
    const err = toAppError(e);
    io.err(`guimi: ${err.message}\n`);
    if (argv.includes('--json')) io.out(JSON.stringify(errorBody(err)) + '\n');
    return err.exitCode;
  } finally {
    await store?.close();
  }
}

function toAppError(e: unknown): AppError {
  const t = translateStoreError(e, 'the store');
  if (isAppError(t)) return t;
  if (e && typeof e === 'object' && 'issues' in e && Array.isArray((e as { issues: unknown[] }).issues)) {
    const issues = (e as { issues: { path: PropertyKey[]; message: string }[] }).issues;
    return new AppError(
      'VALIDATION',
      issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '),
      {
        issues: issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      },
    );
  }
  return new AppError('INTERNAL', e instanceof Error ? e.message : String(e));
}
