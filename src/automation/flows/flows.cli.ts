// `guimi flows apply FILE` and `guimi flows export`: flows kept as YAML/JSON files beside the code;
// `guimi flows start ID`: a manual flow started by hand.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { report, type CliContext } from '../../cli/context.js';
import { AppError } from '../../platform/errors.js';
import { getWorkspaceBySlug } from '../../workspaces/workspace.js';
import { applyFlowFile, exportFlows } from './apply-flow-files.js';
import type { FlowDefinition } from './flow-definition.js';
import { listFlows } from './list-flows.js';
import { startFlow } from './start-flow.js';

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

  flows
    .command('start <flow>')
    .description(
      "start a flow (id or name) with a manual trigger: its audience, or --audience EXPR / --external-ids A,B (the flow's audience, re-entry rule and guardrails still apply)",
    )
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--audience <expr>', 'enroll this segment instead of the flow audience')
    .option('--external-ids <ids>', 'enroll these contacts (comma-separated external ids)')
    .option('--key <key>', 'idempotency key: starting again with the same key enrolls no one twice')
    .option('--json', 'print JSON')
    .action(
      async (
        flow: string,
        o: { workspace: string; audience?: string; externalIds?: string; key?: string; json?: boolean },
      ) => {
        const store = await ctx.store();
        const ws = await getWorkspaceBySlug(store.db, o.workspace);
        const named = (await listFlows(store.db, ws.id)).find((f) => f.id === flow || f.name === flow);
        const id = named?.id ?? flow;
        const externalIds = o.externalIds
          ?.split(',')
          .map((x) => x.trim())
          .filter(Boolean);
        const r = await startFlow(
          store,
          ws.id,
          id,
          { key: o.key, audience: o.audience, externalIds },
          { actor: 'cli', now: ctx.clock.now() },
        );
        report(
          ctx,
          o.json,
          r,
          () =>
            `Started ${id} (key ${r.key}): ${r.enrolled} enrolled, ${r.already} already, ` +
            `${r.skipped} skipped, ${r.touches} touches planned` +
            (r.unknown > 0 ? `; unknown ids: ${r.unknownExamples.join(', ')}` : ''),
        );
      },
    );
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
