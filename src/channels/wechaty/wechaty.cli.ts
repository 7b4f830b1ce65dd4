// `guimi channels wechaty add`: creates a Wechaty (personal WeChat) robot account. The bot itself runs in
// `guimi serve` (start it from the console or POST …/channels/wechaty/{id}/start and scan the QR).
import type { Command } from 'commander';
import { report, type CliContext } from '../../cli/context.js';
import { getWorkspaceBySlug } from '../../workspaces/workspace.js';
import { createWechatyAccount } from './create-wechaty-account.js';
import { PUPPETS } from './wechaty-settings.js';

export function registerWechatyCommands(program: Command, ctx: CliContext): void {
  const channels =
    program.commands.find((c) => c.name() === 'channels') ??
    program.command('channels').description('messaging channels (WeCom, WeChat robots, simulator)');
  const wechaty = channels.command('wechaty').description('personal WeChat robots through Wechaty');
  wechaty
    .command('add')
    .description('create a Wechaty robot account (personal: paced by the stricter personal pacing)')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .requiredOption('--name <name>', 'account name')
    .requiredOption('--puppet <module>', `puppet module: ${PUPPETS.join(', ')}`)
    .option('--token <token>', 'puppet token (wechaty-puppet-service; stored sealed)')
    .option('--accept <mode>', 'friend requests: always, never or keyword', 'keyword')
    .option('--keyword <word...>', 'hello keywords that accept a friend request')
    .option('--json', 'print JSON')
    .action(
      async (o: {
        workspace: string;
        name: string;
        puppet: string;
        token?: string;
        accept: string;
        keyword?: string[];
        json?: boolean;
      }) => {
        const store = await ctx.store();
        const ws = await getWorkspaceBySlug(store.db, o.workspace);
        const a = await createWechatyAccount(
          store.db,
          ws.id,
          {
            name: o.name,
            puppet: o.puppet as (typeof PUPPETS)[number],
            ...(o.token ? { token: o.token } : {}),
            friendAccept: { mode: o.accept as 'keyword', keywords: o.keyword ?? [] },
          },
          { actor: 'cli', now: ctx.clock.now(), config: ctx.config },
        );
        report(ctx, o.json, a, () => `Created Wechaty account ${a.id} (${a.puppet}).`);
      },
    );
}
