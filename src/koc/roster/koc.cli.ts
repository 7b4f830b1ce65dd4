// `guimi koc list|add|link`: the roster from the command line.
import type { Command } from 'commander';
import { findUserByEmail } from '../../access/users.js';
import { report, type CliContext } from '../../cli/context.js';
import { AppError } from '../../platform/errors.js';
import { getWorkspaceBySlug } from '../../workspaces/workspace.js';
import { createKoc } from './create-koc.js';
import { KOC_KINDS, KOC_STATUSES, PLATFORMS, type SocialAccountInput } from './koc-input.js';
import { linkMemberToKoc } from './link-member.js';
import { listKocs } from './list-kocs.js';

const SOCIAL = /^([a-z_]+):([^:]+):(\d+)(?::(\d+))?(?::(\d+))?(?::(\d+))?$/;

function parseSocial(spec: string): SocialAccountInput {
  const m = SOCIAL.exec(spec.trim());
  const platform = PLATFORMS.find((p) => p === m?.[1]);
  if (!m || !platform) {
    throw new AppError(
      'VALIDATION',
      `bad --social "${spec}": use PLATFORM:HANDLE:FOLLOWERS[:READS[:LIKES[:COMMENTS]]] (${PLATFORMS.join('|')})`,
    );
  }
  const n = (i: number) => Number(m[i] ?? 0);
  return { platform, handle: m[2]!, followers: n(3), avgReads: n(4), avgLikes: n(5), avgComments: n(6) };
}

export function registerKocCommands(program: Command, ctx: CliContext): void {
  const koc =
    program.commands.find((c) => c.name() === 'koc') ?? program.command('koc').description('KOC program');

  koc
    .command('list')
    .description('list the KOC roster')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--kind <kind>', KOC_KINDS.join('|'))
    .option('--status <status>', KOC_STATUSES.join('|'))
    .option('--q <text>', 'search names and social handles')
    .option('--limit <n>', 'at most this many', '500')
    .option('--json', 'print one JSON document')
    .action(
      async (o: {
        workspace: string;
        kind?: string;
        status?: string;
        q?: string;
        limit: string;
        json?: boolean;
      }) => {
        const { db } = await ctx.store();
        const ws = await getWorkspaceBySlug(db, o.workspace);
        const limit = Number(o.limit);
        if (!Number.isInteger(limit) || limit < 1)
          throw new AppError('VALIDATION', '--limit must be an integer ≥ 1');
        const page = await listKocs(db, ws.id, { kind: o.kind, status: o.status, q: o.q, limit }, true);
        report(ctx, o.json, page, () =>
          page.items.length
            ? page.items
                .map(
                  (k) =>
                    `${k.id}\t${k.kind}\t${k.status}\t${k.name}\tfans ${k.fans}\tfollowers ${k.followers}`,
                )
                .join('\n')
            : 'No KOCs.',
        );
      },
    );

  koc
    .command('add')
    .description('add a KOC to the roster')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .requiredOption('--kind <kind>', KOC_KINDS.join('|'))
    .requiredOption('--name <name>', 'display name')
    .option('--phone <phone>', 'mobile number')
    .option('--contact <id>', 'linked contact id')
    .option('--account <id>', 'staff/robot channel account id (employee and guide KOCs)')
    .option('--category <c>', 'content category, e.g. beauty')
    .option('--city <city>', 'city')
    .option('--status <status>', KOC_STATUSES.join('|'), 'active')
    .option(
      '--social <spec>',
      'PLATFORM:HANDLE:FOLLOWERS[:READS[:LIKES[:COMMENTS]]], repeatable',
      (s: string, all: string[]) => [...all, s],
      [],
    )
    .option('--json', 'print one JSON document')
    .action(
      async (o: {
        workspace: string;
        kind: string;
        name: string;
        phone?: string;
        contact?: string;
        account?: string;
        category?: string;
        city?: string;
        status: string;
        social: string[];
        json?: boolean;
      }) => {
        const { db } = await ctx.store();
        const ws = await getWorkspaceBySlug(db, o.workspace);
        const k = await createKoc(
          db,
          ws.id,
          {
            kind: o.kind as never,
            name: o.name,
            phone: o.phone,
            contactId: o.contact === undefined ? undefined : Number(o.contact),
            accountId: o.account,
            category: o.category,
            city: o.city,
            status: o.status as never,
            socialAccounts: o.social.map(parseSocial),
          },
          { actor: 'cli', now: ctx.clock.now(), seesPii: true },
        );
        report(ctx, o.json, k, () => `Added ${k.kind} KOC ${k.name} (${k.id})`);
      },
    );

  koc
    .command('link')
    .description('link a member (by email) to a KOC, or unlink with --none')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .requiredOption('--email <email>', "the member's email")
    .option('--koc <id>', 'KOC id')
    .option('--none', 'remove the link')
    .option('--json', 'print one JSON document')
    .action(async (o: { workspace: string; email: string; koc?: string; none?: boolean; json?: boolean }) => {
      if (!o.koc === !o.none) throw new AppError('VALIDATION', 'give --koc ID or --none');
      const { db } = await ctx.store();
      const ws = await getWorkspaceBySlug(db, o.workspace);
      const user = await findUserByEmail(db, o.email);
      if (!user) throw new AppError('NOT_FOUND', `no user has email ${o.email}`, { option: '--email' });
      const r = await linkMemberToKoc(db, ws.id, user.id, o.koc ?? null, {
        actor: 'cli',
        now: ctx.clock.now(),
      });
      report(ctx, o.json, r, () => (r.kocId ? `Linked ${o.email} to KOC ${r.kocId}` : `Unlinked ${o.email}`));
    });
}
