// `guimi flows apply FILE` and `guimi flows export`: flows kept as YAML/JSON files beside the code.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { report, type CliContext } from '../../cli/context.js';
import { AppError } from '../../platform/errors.js';
import { getWorkspaceBySlug } from '../../workspaces/workspace.js';
import { applyFlowFile, exportFlows } from './apply-flow-files.js';
import type { FlowDefinition } from './flow-definition.js';

export function registerFlowCommands(program: Command, ctx: CliContext): void {
  const flows = program.command('flows').description('SOP flows (automation) as YAML or JSON files');
  flows
    .command('apply <file>')
    .description('create or update the flows of a YAML/JSON file (a changed flow gets a new version)')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--json', 'print JSON')
    .action(async (file: string, o: { workspace: string; json?: boolean }) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        throw new AppError('NOT_FOUND', `cannot read ${file}: ${(e as Error).message}`, { file });
      }
      const { db } = await ctx.store();
      const ws = await getWorkspaceBySlug(db, o.workspace);
      const items = await applyFlowFile(db, ws.id, text, file, { actor: 'cli', now: ctx.clock.now() });
      report(
        ctx,
        o.json,
        { items },
        () =>
          items.map((f) => `${f.result}\t${f.name}\tv${f.version}\t${f.status}`).join('\n') ||
          'No flows in the file.',
      );
    });
  flows
    .command('export')
    .description(
      'write the workspace flows: --out DIR (one YAML per flow), --out FILE (.yaml/.json), else stdout',
    )
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--out <path>', 'a directory or a .yaml/.yml/.json file')
    .option('--json', 'print JSON')
    .action(async (o: { workspace: string; out?: string; json?: boolean }) => {
      const { db } = await ctx.store();
      const ws = await getWorkspaceBySlug(db, o.workspace);
      const defs = await exportFlows(db, ws.id);
      if (!o.out) {
        report(ctx, o.json, { items: defs }, () => toYaml(defs));
        return;
      }
      const files = writeExport(o.out, defs);
      report(ctx, o.json, { files, flows: defs.length }, () => files.join('\n'));
    });
}

function toYaml(defs: FlowDefinition[]): string {
  return defs.map((d) => stringify(d)).join('---\n');
}

function writeExport(out: string, defs: FlowDefinition[]): string[] {
  const ext = extname(out).toLowerCase();
  if (ext === '.json' || ext === '.yaml' || ext === '.yml') {
    writeFileSync(out, ext === '.json' ? JSON.stringify(defs, null, 2) + '\n' : toYaml(defs));
    return [out];
  }
  mkdirSync(out, { recursive: true });
  if (!statSync(out).isDirectory())
    throw new AppError('BAD_REQUEST', `${out} is not a directory`, { option: '--out' });
  return defs.map((d) => {
    const path = join(out, `${d.name.replace(/[^\p{L}\p{N}_.-]+/gu, '-')}.yaml`);
    writeFileSync(path, stringify(d));
    return path;
  });
}
