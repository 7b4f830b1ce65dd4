import type { Command } from 'commander';
import { report, type CliContext } from '../cli/context.js';
import { roles } from '../platform/auth/roles.js';
import { addMember } from '../workspaces/add-member.js';
import { getWorkspaceBySlug } from '../workspaces/workspace.js';
import { createUser } from './create-user.js';

export function registerAccessCommands(program: Command, ctx: CliContext): void {
  program
    .command('user')
    .description('console users')
    .command('create')
    .description('create a user, optionally adding them to a workspace')
    .requiredOption('--email <email>', 'login email')
    .requiredOption('--password <password>', 'at least 8 characters')
    .option('--name <name>', 'display name')
    .option('--workspace <slug>', 'also add to this workspace')
    .option('--role <role>', `role in --workspace: ${roles.join(', ')}`, 'operator')
    .option('--json', 'print JSON')
    .action(
      async (o: {
        email: string;
        password: string;
        name?: string;
        workspace?: string;
        role: string;
        json?: boolean;
      }) => {
        const { db } = await ctx.store();
        const now = ctx.clock.now();
        const user = o.workspace
          ? await (async () => {
              const ws = await getWorkspaceBySlug(db, o.workspace!);
              const m = await addMember(
                db,
                ws.id,
                { email: o.email, password: o.password, name: o.name, role: o.role as never },
                { actor: 'cli', now },
              );
              return { id: m.userId, email: m.email, name: m.name };
            })()
          : await createUser(db, { email: o.email, password: o.password, name: o.name }, now);
        report(
          ctx,
          o.json,
          { user, workspace: o.workspace ?? null, role: o.workspace ? o.role : null },
          () => `Created user ${user.email}` + (o.workspace ? ` (${o.role} in ${o.workspace})` : ''),
        );
      },
    );
}
