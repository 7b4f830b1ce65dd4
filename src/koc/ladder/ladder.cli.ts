// `guimi ladder sweep`: evaluates the ladder's rules for a workspace's fans in bounded batches (the same
// sweep the scheduler runs), by default a whole pass from the current cursor to the end.
import type { Command } from 'commander';
import { report, type CliContext } from '../../cli/context.js';
import { AppError } from '../../platform/errors.js';
import { getWorkspaceBySlug } from '../../workspaces/workspace.js';
import { DEFAULT_SWEEP_BATCH, sweepLadder, type SweepReport } from './sweep-ladder.js';

export function registerLadderCommands(program: Command, ctx: CliContext): void {
  const ladder = program.command('ladder').description('the fan ladder (路人粉 → 好感粉 → 铁粉 → 代颜粉)');
  ladder
    .command('sweep')
    .description('evaluate promotion and demotion rules for the workspace’s fans')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--batch <n>', 'contacts per batch', String(DEFAULT_SWEEP_BATCH))
    .option('--once', 'one batch only (continue from the stored cursor next time)')
    .option('--json', 'print one JSON document')
    .action(async (o: { workspace: string; batch: string; once?: boolean; json?: boolean }) => {
      const batch = Number(o.batch);
      if (!Number.isInteger(batch) || batch < 1)
        throw new AppError('VALIDATION', '--batch must be an integer ≥ 1');
      const { db } = await ctx.store();
      const ws = await getWorkspaceBySlug(db, o.workspace);
      const runs: SweepReport[] = [];
      for (;;) {
        const r = await sweepLadder(db, ws.id, { now: ctx.clock.now(), batch });
        runs.push(r);
        if (o.once || r.passComplete) break;
      }
      const sum = (k: 'evaluated' | 'placed' | 'promoted' | 'demoted') => runs.reduce((s, r) => s + r[k], 0);
      const last = runs[runs.length - 1]!;
      const data = {
        workspace: o.workspace,
        batches: runs.length,
        evaluated: sum('evaluated'),
        placed: sum('placed'),
        promoted: sum('promoted'),
        demoted: sum('demoted'),
        cursor: last.cursor,
        passComplete: last.passComplete,
      };
      report(
        ctx,
        o.json,
        data,
        () =>
          `${data.evaluated} fans evaluated in ${data.batches} batch(es): ${data.placed} placed, ` +
          `${data.promoted} promoted, ${data.demoted} demoted` +
          (data.passComplete ? '' : ` (continues after contact ${data.cursor})`),
      );
    });
}
