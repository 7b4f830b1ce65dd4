// `guimi segment count|save|list|export`: segments from the command line. Each command builds the
// workspace's index from the store (a one-shot process has none yet) and closes it before exiting.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { Command } from 'commander';
import { report, type CliContext } from '../../cli/context.js';
import { AppError } from '../../platform/errors.js';
import type { Store } from '../../platform/store/open-store.js';
import { getWorkspaceBySlug } from '../../workspaces/workspace.js';
import { audienceIndexFor } from '../index/audience-index.js';
import { parseSegment } from '../segments/parse-segment.js';
import { createSegment } from './create-segment.js';
import { exportSegmentCsv } from './export-segment.js';
import { listSegments } from './list-segments.js';
import { getSegmentByName } from './saved-segment.js';

function atOf(iso: string | undefined, ctx: CliContext): Date {
  if (iso === undefined) return ctx.clock.now();
  const at = new Date(iso);
  if (Number.isNaN(at.getTime()))
    throw new AppError('VALIDATION', `--at is not an ISO date-time: ${iso}`, { option: '--at' });
  return at;
}

async function withIndex<T>(store: Store, task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } finally {
    await audienceIndexFor(store).close();
  }
}

export function registerSegmentCommands(program: Command, ctx: CliContext): void {
  const segment = program.command('segment').description('audience segments');
  segment
    .command('count')
    .description('count the contacts matching an expression (exit 2 on a bad expression)')
    .argument('<expression>', "e.g. 'tag:宝妈 AND city = 上海 AND did purchase within 30d'")
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--at <iso>', 'instant event windows end at (default now)')
    .option('--json', 'print JSON')
    .action(async (expression: string, o: { workspace: string; at?: string; json?: boolean }) => {
      const ast = parseSegment(expression);
      const store = await ctx.store();
      const ws = await getWorkspaceBySlug(store.db, o.workspace);
      const count = await withIndex(store, () =>
        audienceIndexFor(store).count(ws.id, ast, { at: atOf(o.at, ctx) }),
      );
      report(ctx, o.json, { count }, () => String(count));
    });
  segment
    .command('save')
    .description('save (or replace) a named segment')
    .argument('<expression>', 'segment expression')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .requiredOption('--name <name>', 'segment name (refer to it as segment:NAME)')
    .option('--description <text>', 'what the segment is for')
    .option('--json', 'print JSON')
    .action(
      async (
        expression: string,
        o: { workspace: string; name: string; description?: string; json?: boolean },
      ) => {
        const { db } = await ctx.store();
        const ws = await getWorkspaceBySlug(db, o.workspace);
        const s = await createSegment(
          db,
          ws.id,
          { name: o.name, expression, description: o.description ?? null },
          { actor: 'cli', now: ctx.clock.now(), replace: true },
        );
        report(ctx, o.json, s, () => `Saved segment ${s.name}: ${s.expression}`);
      },
    );
  segment
    .command('list')
    .description('list saved segments')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--json', 'print JSON')
    .action(async (o: { workspace: string; json?: boolean }) => {
      const { db } = await ctx.store();
      const items = await listSegments(db, (await getWorkspaceBySlug(db, o.workspace)).id);
      report(ctx, o.json, { items }, () =>
        items.length ? items.map((s) => `${s.name}\t${s.expression}`).join('\n') : 'No saved segments.',
      );
    });
  segment
    .command('export')
    .description("write a segment's contacts as CSV (a saved NAME, or --expression)")
    .argument('[name]', 'saved segment name')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--expression <expr>', 'an ad-hoc expression instead of a saved segment')
    .option('--out <file>', 'write to this file (default standard output)')
    .option('--at <iso>', 'instant event windows end at (default now)')
    .option('--with-phones', 'full phone numbers (default masked)')
    .action(
      async (
        name: string | undefined,
        o: { workspace: string; expression?: string; out?: string; at?: string; withPhones?: boolean },
      ) => {
        if (!name === !o.expression)
          throw new AppError('BAD_REQUEST', 'give a saved segment NAME or --expression, not both');
        const store = await ctx.store();
        const ws = await getWorkspaceBySlug(store.db, o.workspace);
        const expr = o.expression
          ? parseSegment(o.expression)
          : parseSegment(`segment:"${(await getSegmentByName(store.db, ws.id, name!)).name}"`);
        const lines = exportSegmentCsv(store, ws.id, expr, { at: atOf(o.at, ctx), seesPii: !!o.withPhones });
        await withIndex(store, async () => {
          if (!o.out) {
            for await (const line of lines) ctx.io.out(line);
            return;
          }
          const file = createWriteStream(o.out);
          for await (const line of lines) if (!file.write(line)) await once(file, 'drain');
          file.end();
          await finished(file);
        });
      },
    );
}
