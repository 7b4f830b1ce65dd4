// What every CLI command receives. Domain `*.cli.ts` files export `register…Commands(program, ctx)`.
import type { Clock } from '../platform/clock.js';
import type { Store } from '../platform/store/open-store.js';
import type { Config } from '../platform/config.js';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal: progress bars are drawn only then. */
  interactive: boolean;
}

export interface CliContext {
  io: CliIo;
  config: Config;
  clock: Clock;
  /** Opens (once) the store named by the environment, migrated; the runner closes it. */
  store(): Promise<Store>;
  /** Sets the process exit code without throwing (e.g. a processed file with failed rows). */
  setExitCode(code: number): void;
}

/** Prints one JSON document (with --json) or the human text. */
export function report(ctx: CliContext, json: boolean | undefined, data: unknown, text: () => string): void {
  ctx.io.out(json ? JSON.stringify(data) + '\n' : text().replace(/\n?$/, '\n'));
}
