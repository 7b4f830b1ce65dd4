// `guimi koc select`: choose KOCs by de-duplicated reach, from a candidates file (JSONL) or from a
// workspace's KOCs and their fan pools.
import type { Command } from 'commander';
import type { CliContext } from '../cli/context.js';
import { report } from '../cli/context.js';
import { AppError } from '../platform/errors.js';
import { readCandidates } from './select/read-candidates.js';
import type { CandidateLineError } from './select/read-candidates.js';
import { selectKocs } from './select/select-kocs.js';
import type { Quota, SelectKocsResult } from './select/select-kocs.js';
import { selectWorkspaceKocs } from './selection/select-workspace-kocs.js';
import { getWorkspaceBySlug } from '../workspaces/workspace.js';

interface SelectOptions {
  candidates?: string;
  workspace?: string;
  k?: string;
  budget?: string;
  quota: string[];
  json?: boolean;
}

/** Overlap matrices wider than this are left to --json. */
const MAX_OVERLAP_COLUMNS = 12;

const QUOTA = /^(category|city)(?::(.+?))?(<=|>=|=)(\d+)$/;

function parseQuota(spec: string): Quota {
  const m = QUOTA.exec(spec.trim());
  if (!m) {
    throw new AppError('VALIDATION', `bad quota "${spec}": use category|city[:VALUE](<=|>=|=)N`);
  }
  const [, field, value, op, n] = m;
  const bound = Number(n);
  return {
    field: field as Quota['field'],
    ...(value === undefined ? {} : { value }),
    ...(op === '<=' ? {} : { min: bound }),
    ...(op === '>=' ? {} : { max: bound }),
  };
}

function parseOptions(opts: SelectOptions): { path?: string; k?: number; budget?: number; quotas: Quota[] } {
  if (!opts.candidates === !opts.workspace) {
    throw new AppError('VALIDATION', 'give either --candidates FILE or --workspace SLUG');
  }
  if (opts.k === undefined && opts.budget === undefined)
    throw new AppError('VALIDATION', 'give --k or --budget');
  const k = opts.k === undefined ? undefined : Number(opts.k);
  if (k !== undefined && !(/^\d+$/.test(opts.k!.trim()) && k >= 1)) {
    throw new AppError('VALIDATION', `--k must be an integer ≥ 1, got "${opts.k}"`);
  }
  const budget = opts.budget === undefined ? undefined : Number(opts.budget);
  if (budget !== undefined && !(opts.budget!.trim() !== '' && Number.isFinite(budget) && budget >= 0)) {
    throw new AppError('VALIDATION', `--budget must be a number ≥ 0, got "${opts.budget}"`);
  }
  return {
    ...(opts.candidates === undefined ? {} : { path: opts.candidates }),
    ...(k === undefined ? {} : { k }),
    ...(budget === undefined ? {} : { budget }),
    quotas: opts.quota.map(parseQuota),
  };
}

export function registerKocSelectCommand(program: Command, ctx: CliContext): void {
  const koc =
    program.commands.find((c) => c.name() === 'koc') ?? program.command('koc').description('KOC program');
  koc
    .command('select')
    .description('choose the KOCs that together reach the most distinct fans')
    .option('--candidates <file>', 'JSONL, one {"id","followers":[...],"cost","category","city"} a line')
    .option('--workspace <slug>', "instead of a file: the workspace's active KOCs and their fan pools")
    .option('--k <n>', 'how many KOCs to choose')
    .option('--budget <b>', 'total cost allowed (each KOC costs its "cost", default 1)')
    .option(
      '--quota <spec>',
      'category|city[:VALUE](<=|>=|=)N, repeatable; no VALUE = each value (e.g. category<=2, city:上海>=1)',
      (spec: string, all: string[]) => [...all, spec],
      [],
    )
    .option('--json', 'print one JSON document')
    .action(async (opts: SelectOptions) => {
      const { path, quotas, ...limits } = parseOptions(opts);
      const file = path
        ? await readCandidates(path)
        : { candidates: [], errors: [] as CandidateLineError[], fans: 0 };
      let candidates = file.candidates.length;
      let result: SelectKocsResult;
      if (path) result = selectKocs({ candidates: file.candidates, quotas, ...limits });
      else {
        const { db } = await ctx.store();
        const ws = await getWorkspaceBySlug(db, opts.workspace!);
        const r = await selectWorkspaceKocs(db, ws.id, { quotas, ...limits });
        candidates = r.candidates;
        result = r;
      }
      report(
        ctx,
        opts.json,
        {
          selected: result.selected,
          reach: result.reach,
          marginal: result.marginal,
          overlap: result.overlap,
          errors: file.errors,
          curve: result.curve,
          cost: result.cost,
          method: result.method,
          refined: result.refined,
          unmetQuotas: result.unmetQuotas,
        },
        () => renderText(result, candidates, file.errors),
      );
    });
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => cell.padEnd(widths[c]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

function renderText(result: SelectKocsResult, candidates: number, errors: CandidateLineError[]): string {
  const lines = [
    `Selected ${result.selected.length} of ${candidates} KOCs: reach ${num(result.reach)} fans, cost ${num(result.cost)} (${result.method}${result.refined ? ', improved by swaps' : ''})`,
  ];
  if (result.picks.length > 0) {
    lines.push(
      '',
      table([
        ['#', 'id', 'marginal', 'reach', 'cost'],
        ...result.picks.map((p, i) => [String(i + 1), p.id, num(p.marginal), num(p.reach), num(p.cost)]),
      ]),
    );
  }
  if (result.picks.length > 1 && result.picks.length <= MAX_OVERLAP_COLUMNS) {
    lines.push('', 'Overlap (shared fans):');
    const head = ['', ...result.picks.map((_, i) => `#${i + 1}`)];
    lines.push(table([head, ...result.overlap.map((row, i) => [`#${i + 1}`, ...row.map(String)])]));
  } else if (result.picks.length > MAX_OVERLAP_COLUMNS) {
    lines.push('', 'Overlap matrix: use --json.');
  }
  for (const q of result.unmetQuotas) {
    lines.push('', `Unmet quota: ${q.field} ${q.value} needs ${q.min}, got ${q.count}`);
  }
  if (errors.length > 0) {
    lines.push(
      '',
      `Skipped ${errors.length} bad line(s):`,
      ...errors.map((e) => `  line ${e.line}: ${e.reason}`),
    );
  }
  return lines.join('\n');
}
