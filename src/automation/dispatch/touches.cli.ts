// `guimi touches list`: the delivery log from the command line.
import type { Command } from 'commander';
import { report, type CliContext } from '../../cli/context.js';
import { AppError } from '../../platform/errors.js';
import { getWorkspaceBySlug } from '../../workspaces/workspace.js';
import { touchStates, type TouchState } from './dispatch-tables.js';
import { listTouches } from './list-touches.js';

export function registerTouchCommands(program: Command, ctx: CliContext): void {
  program
    .command('touches')
    .description('touches (messages planned and sent by robots)')
    .command('list')
    .description('the delivery log, newest first')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--state <state>', `one of ${touchStates.join(', ')}`)
    .option('--flow <id>', 'flow id')
    .option('--limit <n>', 'rows (max 500)', '50')
    .option('--cursor <cursor>', 'nextCursor of the previous page')
    .option('--json', 'print JSON')
    .action(
      async (o: {
        workspace: string;
        state?: string;
        flow?: string;
        limit: string;
        cursor?: string;
        json?: boolean;
      }) => {
        if (o.state && !touchStates.includes(o.state as TouchState)) {
          throw new AppError('VALIDATION', `--state must be one of ${touchStates.join(', ')}`, {
            option: '--state',
          });
        }
        const limit = Number(o.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
          throw new AppError('VALIDATION', '--limit must be an integer from 1 to 500', { option: '--limit' });
        }
        const { db } = await ctx.store();
        const ws = await getWorkspaceBySlug(db, o.workspace);
        const r = await listTouches(db, ws.id, {
          state: o.state as TouchState | undefined,
          flowId: o.flow,
          cursor: o.cursor,
          limit,
        });
        report(ctx, o.json, r, () =>
          r.items.length
            ? r.items
                .map((t) =>
                  [
                    t.id,
                    t.state,
                    t.kind,
                    t.contactId ?? t.groupId ?? '-',
                    t.heldReason ?? t.lastError ?? '',
                  ].join('\t'),
                )
                .join('\n')
            : 'No touches.',
        );
      },
    );
}
