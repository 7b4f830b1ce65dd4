// `guimi import events FILE.jsonl --workspace S [--json]`: exit 0 once the file is processed (row errors
// are reported, not fatal), 2 when it cannot be read.
import type { Command } from 'commander';
import { report, type CliContext } from '../../cli/context.js';
import { getWorkspaceBySlug } from '../../workspaces/workspace.js';
import { importEvents } from './import-events.js';

export function registerEventCommands(program: Command, ctx: CliContext): void {
  // `import` is shared with the contact import: whoever registers first creates it.
  const imports =
    program.commands.find((c) => c.name() === 'import') ??
    program.command('import').description('import audience data from files');
  imports
    .command('events')
    .description(
      'ingest interaction events from a JSONL file ({"id","contact","type","at","props","source"})',
    )
    .argument('<file>', 'JSONL file, one event per line')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--json', 'print JSON')
    .action(async (file: string, o: { workspace: string; json?: boolean }) => {
      const { db } = await ctx.store();
      const ws = await getWorkspaceBySlug(db, o.workspace);
      const r = await importEvents(db, ws.id, file, () => ctx.clock.now(), {
        onListenerError: (e) => ctx.io.err(`guimi: an events listener failed: ${(e as Error).message}\n`),
      });
      report(ctx, o.json, r, () =>
        [
          `Ingested ${r.ingested} events (${r.duplicates} duplicates, ${r.failed} failed)`,
          ...r.errors.slice(0, 20).map((e) => `  line ${e.line}: ${e.reason}`),
          ...(r.failed > 20 ? [`  … ${r.failed - 20} more (use --json)`] : []),
        ].join('\n'),
      );
    });
}
