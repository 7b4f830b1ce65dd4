import type { Command } from 'commander';
import { findUserByEmail } from '../access/users.js';
import { report, type CliContext } from '../cli/context.js';
import { roles } from '../platform/auth/roles.js';
import { AppError } from '../platform/errors.js';
import { createToken } from './create-token.js';
import { createWorkspace } from './create-workspace.js';
import { listWorkspaces } from './list-workspaces.js';
import { getWorkspaceBySlug } from './workspace.js';

export function registerWorkspaceCommands(program: Command, ctx: CliContext): void {
  const workspace = program.command('workspace').description('workspaces (one per brand)');
  workspace
    .command('create')
    .description('create a workspace; its owner is --owner or the first user')
    .requiredOption('--slug <slug>', 'short id used in URLs and --workspace')
    .requiredOption('--name <name>', 'display name')
    .option('--timezone <tz>', 'IANA time zone (default GUIMI_TIMEZONE)')
    .option('--owner <email>', 'user who becomes owner')
    .option('--json', 'print JSON')
    .action(async (o: { slug: string; name: string; timezone?: string; owner?: string; json?: boolean }) => {
      const { db } = await ctx.store();
      const owner = o.owner
        ? await findUserByEmail(db, o.owner)
        : await db.selectFrom('users').select('id').orderBy('created_at').executeTakeFirst();
      if (o.owner && !owner)
        throw new AppError('NOT_FOUND', `no user has email ${o.owner}`, { option: '--owner' });
      const ws = await createWorkspace(
        db,
        { slug: o.slug, name: o.name, ...(o.timezone ? { timezone: o.timezone } : {}) },
        {
          actor: 'cli',
          ownerUserId: owner?.id ?? null,
          defaultTimezone: ctx.config.GUIMI_TIMEZONE,
          now: ctx.clock.now(),
        },
      );
      report(ctx, o.json, ws, () => `Created workspace ${ws.slug} (${ws.name}, ${ws.timezone})`);
    });
  workspace
    .command('list')
    .description('list workspaces')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const items = await listWorkspaces((await ctx.store()).db);
      report(ctx, o.json, { items }, () =>
        items.length
          ? items.map((w) => `${w.slug}\t${w.name}\t${w.timezone}`).join('\n')
          : 'No workspaces yet.',
      );
    });

  program
    .command('token')
    .description('API tokens')
    .command('create')
    .description('create an API token for a workspace and print it (shown once)')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .requiredOption('--role <role>', `one of ${roles.join(', ')}`)
    .option('--name <name>', 'label for the token', 'cli')
    .option('--json', 'print JSON')
    .action(async (o: { workspace: string; role: string; name: string; json?: boolean }) => {
      const { db } = await ctx.store();
      const ws = await getWorkspaceBySlug(db, o.workspace);
      const r = await createToken(
        db,
        ws.id,
        { name: o.name, role: o.role as never },
        { actor: 'cli', createdBy: null, now: ctx.clock.now() },
      );
      report(ctx, o.json, r, () => r.secret);
    });
}
