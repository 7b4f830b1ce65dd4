// `guimi channels …`: connect and check messaging channels. The group is shared with other channel
// adapters (each finds or creates `channels` and `channels add`).
import type { Command } from 'commander';
import { createLogger } from '../platform/log.js';
import { report, type CliContext } from '../cli/context.js';
import { AppError } from '../platform/errors.js';
import { getWorkspaceBySlug } from '../workspaces/workspace.js';
import { addWecomChannel } from './wecom/add-wecom-channel.js';
import { checkWecomChannel } from './wecom/check-wecom-channel.js';
import { syncWecomContacts } from './wecom/sync-wecom-contacts.js';
import { syncWecomGroups } from './wecom/sync-wecom-groups.js';
import { syncWecomTags } from './wecom/sync-wecom-tags.js';
import { workspaceConnection, type WecomEnv } from './wecom/wecom-connection.js';

export function registerChannelCommands(program: Command, ctx: CliContext): void {
  const channels =
    program.commands.find((c) => c.name() === 'channels') ??
    program.command('channels').description('messaging channels (WeCom, WeChat robots, simulator)');
  const add =
    channels.commands.find((c) => c.name() === 'add') ??
    channels.command('add').description('connect a channel');
  const env = async (): Promise<WecomEnv> => ({
    store: await ctx.store(),
    clock: ctx.clock,
    config: ctx.config,
    logger: createLogger(ctx.config.GUIMI_LOG_LEVEL === 'info' ? 'warn' : ctx.config.GUIMI_LOG_LEVEL),
  });

  add
    .command('wecom')
    .description(
      'connect a WeCom (企业微信) corp: credentials are stored encrypted; prints the callback path',
    )
    .requiredOption('--workspace <slug>', 'workspace slug')
    .requiredOption('--corp-id <id>', 'corp id (企业ID)')
    .requiredOption('--secret <secret>', 'the customer-contact secret (客户联系 Secret)')
    .requiredOption('--token <token>', 'callback Token')
    .requiredOption('--aes-key <key>', 'callback EncodingAESKey (43 characters)')
    .option('--agent-id <n>', 'application AgentId')
    .option('--api-base <url>', 'WeCom API base URL (tests point it at a local server)')
    .option('--welcome <text>', 'welcome message for new friends (send_welcome_msg)')
    .option('--json', 'print JSON')
    .action(
      async (o: {
        workspace: string;
        corpId: string;
        secret: string;
        token: string;
        aesKey: string;
        agentId?: string;
        apiBase?: string;
        welcome?: string;
        json?: boolean;
      }) => {
        const e = await env();
        const ws = await getWorkspaceBySlug(e.store.db, o.workspace);
        const agentId = o.agentId === undefined ? null : Number(o.agentId);
        if (agentId !== null && !Number.isInteger(agentId))
          throw new AppError('VALIDATION', '--agent-id must be an integer');
        const r = await addWecomChannel(
          e,
          ws.id,
          {
            corpId: o.corpId,
            secret: o.secret,
            token: o.token,
            aesKey: o.aesKey,
            agentId,
            ...(o.apiBase ? { apiBase: o.apiBase } : {}),
            ...(o.welcome ? { settings: { welcomeText: o.welcome } } : {}),
          },
          { actor: 'cli' },
        );
        report(
          ctx,
          o.json,
          r,
          () => `Connected WeCom corp ${o.corpId} (${r.id}). Callback URL path: ${r.callbackPath}`,
        );
      },
    );

  channels
    .command('check')
    .description("verify the workspace's WeCom credentials against WeCom (token, cheap reads)")
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--json', 'print JSON')
    .action(async (o: { workspace: string; json?: boolean }) => {
      const e = await env();
      const ws = await getWorkspaceBySlug(e.store.db, o.workspace);
      const r = await checkWecomChannel(e, ws.id);
      if (!r.ok) ctx.setExitCode(1);
      report(ctx, o.json, r, () =>
        r.checks.map((c) => `${c.ok ? 'ok  ' : 'FAIL'} ${c.check}: ${c.detail}`).join('\n'),
      );
    });

  channels
    .command('sync')
    .description('pull WeCom corp tags (and push Guimi tags), customers and customer groups into Guimi')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--json', 'print JSON')
    .action(async (o: { workspace: string; json?: boolean }) => {
      const e = await env();
      const ws = await getWorkspaceBySlug(e.store.db, o.workspace);
      const conn = await workspaceConnection(e, ws.id);
      const tags = await syncWecomTags(e, conn, { push: true });
      const contacts = await syncWecomContacts(e, conn);
      const groups = await syncWecomGroups(e, conn);
      const r = { tags, contacts, groups };
      report(
        ctx,
        o.json,
        r,
        () =>
          `tags ${tags.pulled} pulled, ${tags.pushed} pushed; ${contacts.customers} customers (${contacts.created} new) of ${contacts.staff} staff; ${groups.groups} groups`,
      );
    });
}
