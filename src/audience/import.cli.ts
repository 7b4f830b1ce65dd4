// `guimi import contacts FILE` and `guimi export contacts`. The import group is shared: whichever domain
// registers first creates it (events add `import events` to the same group).
import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { once } from 'node:events';
import { Option, type Command } from 'commander';
import { report, type CliContext } from '../cli/context.js';
import { getWorkspaceBySlug } from '../workspaces/workspace.js';
import { exportContacts } from './export-contacts.js';
import { importContacts, type ImportContactsResult, type ImportProgress } from './import-contacts.js';
import type { ImportFormat } from './import/read-contact-import.js';

export function registerImportCommands(program: Command, ctx: CliContext): void {
  const group =
    program.commands.find((c) => c.name() === 'import') ??
    program.command('import').description('import audience data from files');
  group
    .command('contacts <file>')
    .description('import or update contacts (by external_id) from a CSV or JSONL file; tags merge in')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .addOption(
      new Option('--format <format>', 'file format (default: from the extension)').choices(['csv', 'jsonl']),
    )
    .option('--json', 'print JSON')
    .action(async (file: string, o: { workspace: string; format?: ImportFormat; json?: boolean }) => {
      const store = await ctx.store();
      const ws = await getWorkspaceBySlug(store.db, o.workspace);
      const bar = ctx.io.interactive ? await progressBar(ctx, file) : undefined;
      let r: ImportContactsResult;
      try {
        r = await importContacts(store.db, ws.id, file, {
          ...(o.format ? { format: o.format } : {}),
          now: ctx.clock.now(),
          actor: 'cli',
          ...(bar ? { onProgress: bar.update } : {}),
        });
      } finally {
        bar?.done();
      }
      report(ctx, o.json, r, () => summary(r));
    });

  const exports =
    program.commands.find((c) => c.name() === 'export') ??
    program.command('export').description('export audience data to files');
  exports
    .command('contacts')
    .description('export contacts as CSV (UTF-8 with BOM, for Excel), all or one segment')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--segment <name>', 'only the members of this saved segment')
    .option('--expression <expr>', 'only the contacts matching this segment expression')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (o: { workspace: string; segment?: string; expression?: string; out?: string }) => {
      const store = await ctx.store();
      const ws = await getWorkspaceBySlug(store.db, o.workspace);
      const chunks = exportContacts(store, ws.id, {
        segment: o.segment,
        expression: o.expression,
        // Whoever runs the CLI holds the store itself: phone numbers are not masked.
        seesPii: true,
        now: ctx.clock.now(),
      });
      if (!o.out) {
        for await (const chunk of chunks) ctx.io.out(chunk);
        return;
      }
      const out = createWriteStream(o.out);
      for await (const chunk of chunks) if (!out.write(chunk)) await once(out, 'drain');
      out.end();
      await once(out, 'finish');
    });
}

function summary(r: ImportContactsResult): string {
  const lines = [
    `Imported ${r.imported} new, updated ${r.updated}, unchanged ${r.unchanged}, failed ${r.failed}.`,
  ];
  for (const e of r.errors.slice(0, 20)) lines.push(`  line ${e.line}: ${e.reason}`);
  if (r.failed > 20) lines.push(`  … ${r.failed - 20} more (use --json for up to 1,000)`);
  return lines.join('\n');
}

/** A one-line bar on stderr: percent of the file, rows, rows/s and bytes read. */
async function progressBar(ctx: CliContext, file: string) {
  const total = await stat(file).then(
    (s) => s.size,
    () => 0,
  );
  const started = performance.now();
  let last = 0;
  const mb = (n: number) => (n / (1 << 20)).toFixed(1);
  const draw = (p: ImportProgress) => {
    const seconds = (performance.now() - started) / 1000;
    const share = total > 0 ? Math.min(1, p.bytes / total) : 0;
    const filled = Math.round(share * 30);
    const rate = seconds > 0 ? Math.round(p.rows / seconds) : 0;
    ctx.io.err(
      `\r[${'#'.repeat(filled)}${'.'.repeat(30 - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ` +
        `${p.rows.toLocaleString('en')} rows  ${rate.toLocaleString('en')} rows/s  ${mb(p.bytes)}/${mb(total)} MB`,
    );
  };
  let latest: ImportProgress = { rows: 0, bytes: 0 };
  return {
    update: (p: ImportProgress) => {
      latest = p;
      // At most five redraws a second.
      if (performance.now() - last < 200) return;
      last = performance.now();
      draw(p);
    },
    done: () => {
      draw(latest);
      ctx.io.err('\n');
    },
  };
}
