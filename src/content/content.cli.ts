// `guimi scripts list|add` and `guimi materials add`.
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Command } from 'commander';
import { report, type CliContext } from '../cli/context.js';
import { AppError } from '../platform/errors.js';
import { getWorkspaceBySlug } from '../workspaces/workspace.js';
import { addFileMaterial } from './materials/add-file-material.js';
import { createScript } from './scripts/create-script.js';
import { listScripts } from './scripts/list-scripts.js';
import { SCRIPT_PURPOSES, type ScriptPurpose } from './scripts/script-view.js';

// The extension is the file's claim about its type; the bytes are checked against it.
const typeByExtension: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.mp4': 'video/mp4',
};

export function registerContentCommands(program: Command, ctx: CliContext): void {
  const scripts = program.command('scripts').description('the script library (话术库)');
  scripts
    .command('list')
    .description('list scripts, newest first, or those matching --q (Chinese word search)')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--q <text>', 'words that must all occur')
    .option('--purpose <purpose>', `one of ${SCRIPT_PURPOSES.join(', ')}`)
    .option('--limit <n>', 'at most this many', '50')
    .option('--json', 'print JSON')
    .action(async (o: { workspace: string; q?: string; purpose?: string; limit: string; json?: boolean }) => {
      const { db } = await ctx.store();
      const ws = await getWorkspaceBySlug(db, o.workspace);
      if (o.purpose && !(SCRIPT_PURPOSES as readonly string[]).includes(o.purpose)) {
        throw new AppError('VALIDATION', `--purpose must be one of ${SCRIPT_PURPOSES.join(', ')}`, {
          option: '--purpose',
        });
      }
      const limit = Number(o.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
        throw new AppError('VALIDATION', '--limit must be an integer from 1 to 500', { option: '--limit' });
      }
      const page = await listScripts(db, ws.id, {
        q: o.q,
        purpose: o.purpose as ScriptPurpose | undefined,
        limit,
      });
      report(ctx, o.json, page, () =>
        page.items.length
          ? page.items
              .map((s) => `${s.id}\t${s.purpose}\t${s.name}\t${s.body.replace(/\s+/g, ' ').slice(0, 60)}`)
              .join('\n')
          : 'No scripts.',
      );
    });
  scripts
    .command('add')
    .description('add a script; a bad template or a blocked word is refused with its position')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .requiredOption('--name <name>', 'script name')
    .requiredOption('--purpose <purpose>', `one of ${SCRIPT_PURPOSES.join(', ')}`)
    .requiredOption('--body <text>', 'message text with {{contact.name | 亲}}-style variables')
    .option('--promotion', 'counts toward the promotion-mix guard (default for purpose promotion)')
    .option('--json', 'print JSON')
    .action(
      async (o: {
        workspace: string;
        name: string;
        purpose: string;
        body: string;
        promotion?: boolean;
        json?: boolean;
      }) => {
        const { db } = await ctx.store();
        const ws = await getWorkspaceBySlug(db, o.workspace);
        const r = await createScript(
          db,
          ws.id,
          {
            name: o.name,
            purpose: o.purpose as ScriptPurpose,
            body: o.body,
            ...(o.promotion ? { promotion: true } : {}),
          },
          { actor: 'cli', now: ctx.clock.now() },
        );
        report(ctx, o.json, r, () =>
          [
            `Added script ${r.script.id} (${r.script.purpose}): ${r.script.name}`,
            ...r.warnings.map((w) => `warning: "${w.word}" at line ${w.line}, column ${w.column}`),
          ].join('\n'),
        );
      },
    );

  program
    .command('materials')
    .description('the material library (素材库)')
    .command('add')
    .description('add an image, video or poster file to the material library')
    .argument('<file>', 'PNG, JPEG, GIF, WebP or MP4 file')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--kind <kind>', 'image, video or poster (default: from the file)')
    .option('--title <title>', 'title (default: the file name)')
    .option('--tag <tag...>', 'tags')
    .option('--json', 'print JSON')
    .action(
      async (
        file: string,
        o: { workspace: string; kind?: string; title?: string; tag?: string[]; json?: boolean },
      ) => {
        const bytes = await readFile(file).catch((e: NodeJS.ErrnoException) => {
          throw new AppError('NOT_FOUND', `cannot read ${file}: ${e.code ?? e.message}`, { file });
        });
        const { db } = await ctx.store();
        const ws = await getWorkspaceBySlug(db, o.workspace);
        const m = await addFileMaterial(
          db,
          ws.id,
          { kind: o.kind as 'image' | undefined, title: o.title, tags: o.tag ?? [] },
          { bytes, name: basename(file), type: typeByExtension[extname(file).toLowerCase()] },
          { actor: 'cli', now: ctx.clock.now(), dataDir: ctx.config.GUIMI_DATA_DIR },
        );
        report(ctx, o.json, m, () => `Added ${m.kind} material ${m.id}: ${m.title} (${m.file?.size} bytes)`);
      },
    );
}
