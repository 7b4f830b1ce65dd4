// `guimi simulate`: rehearse the workspace's active flows for N virtual days on the simulator.
import type { Command } from 'commander';
import pino from 'pino';
import { report, type CliContext } from '../../cli/context.js';
import { AppError } from '../../platform/errors.js';
import { createLogger } from '../../platform/log.js';
import { getWorkspaceBySlug } from '../../workspaces/workspace.js';
import { simulateWorkspace } from './simulate-workspace.js';
import type { SimulationReport } from './simulation-report.js';

export function registerSimulateCommand(program: Command, ctx: CliContext): void {
  program
    .command('simulate')
    .description(
      "rehearse the workspace's active flows for N days on a virtual clock. Runs on a temporary COPY of the " +
        'workspace where every robot account is a simulator account with virtual fans: no real channel is ' +
        'touched and the workspace itself is not changed.',
    )
    .requiredOption('--workspace <slug>', 'workspace slug')
    .requiredOption('--days <n>', 'virtual days to run (1–60)')
    .option('--seed <k>', 'seed of the virtual fans (same seed, same rehearsal)', '1')
    .option('--json', 'print JSON')
    .action(async (o: { workspace: string; days: string; seed: string; json?: boolean }) => {
      const days = Number(o.days);
      const seed = Number(o.seed);
      if (!Number.isInteger(days) || days < 1 || days > 60)
        throw new AppError('VALIDATION', '--days: expected a whole number from 1 to 60', {
          option: '--days',
        });
      if (!Number.isInteger(seed))
        throw new AppError('VALIDATION', '--seed: expected a whole number', { option: '--seed' });
      const store = await ctx.store();
      const ws = await getWorkspaceBySlug(store.db, o.workspace);
      const logger = createLogger('warn', pino.destination(2));
      const r = await simulateWorkspace(store, ws.id, { days, seed, start: ctx.clock.now(), logger });
      report(ctx, o.json, r, () => text(r));
    });
}

function text(r: SimulationReport): string {
  const lines = [
    `Simulated ${r.days} day(s) from ${r.from} (seed ${r.seed}, on a copy; ${r.ticks} ticks)`,
    `Touches: ${r.touches.total}`,
  ];
  for (const t of r.touches.byFlow)
    lines.push(
      `  ${t.flow} / ${t.step}: ${t.total} (${Object.entries(t.byState)
        .map(([s, n]) => `${s} ${n}`)
        .join(', ')})`,
    );
  lines.push(
    `Guardrail holds: ${r.holds.total}`,
    ...Object.entries(r.holds.byGuardrail).map(([g, n]) => `  ${g}: ${n}`),
  );
  lines.push(`Events: ${r.events.total}`, ...Object.entries(r.events.byType).map(([t, n]) => `  ${t}: ${n}`));
  return lines.join('\n');
}
