import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../cli/context.js';
import { systemClock } from '../platform/clock.js';
import { registerKocSelectCommand } from './koc-select.cli.js';

const dir = mkdtempSync(join(tmpdir(), 'guimi-koc-select-cli-'));
const candidates = join(dir, 'candidates.jsonl');
writeFileSync(
  candidates,
  [
    '{"id":"a","followers":["u1","u2","u3","u4"],"category":"beauty"}',
    '{"id":"b","followers":["u3","u4","u5"],"category":"beauty","cost":2}',
    'not json',
    '{"id":"c","followers":[9],"category":"food"}',
    '{"id":"a","followers":["u9"]}',
  ].join('\n') + '\n',
);

async function run(...args: string[]): Promise<{ out: string; exitCodes: number[] }> {
  let out = '';
  const exitCodes: number[] = [];
  const ctx = {
    io: { out: (t: string) => (out += t), err: () => undefined, interactive: false },
    config: {} as CliContext['config'],
    clock: systemClock,
    store: () => Promise.reject(new Error('koc select needs no store')),
    setExitCode: (code: number) => exitCodes.push(code),
  } satisfies CliContext;
  const program = new Command('guimi').exitOverride();
  program.command('koc').command('list'); // an existing koc command is reused, not duplicated
  registerKocSelectCommand(program, ctx);
  await program.parseAsync(['koc', 'select', ...args], { from: 'user' });
  expect(program.commands.filter((c) => c.name() === 'koc')).toHaveLength(1);
  return { out, exitCodes };
}

describe('guimi koc select', () => {
  it('prints one JSON document with picks, reach, marginal, overlap and bad lines', async () => {
    const { out, exitCodes } = await run('--candidates', candidates, '--k', '2', '--json');
    expect(out.trim().split('\n')).toHaveLength(1);
    const doc = JSON.parse(out);
    expect(doc).toMatchObject({
      selected: ['a', 'b'],
      reach: 5,
      marginal: [4, 1],
      overlap: [
        [4, 2],
        [2, 3],
      ],
      errors: [
        { line: 3, reason: 'invalid JSON' },
        { line: 5, reason: 'duplicate id "a" (first on line 1)' },
      ],
      curve: [4, 5],
    });
    expect(exitCodes).toEqual([]);
  });

  it('applies quotas and a budget', async () => {
    const quota = await run('--candidates', candidates, '--k', '2', '--quota', 'category<=1', '--json');
    expect(JSON.parse(quota.out).selected).toEqual(['a', 'c']);
    const budget = await run('--candidates', candidates, '--budget', '2', '--json');
    expect(JSON.parse(budget.out)).toMatchObject({ selected: ['a', 'c'], cost: 2 });
  });

  it('prints a readable table without --json', async () => {
    const { out } = await run('--candidates', candidates, '--k', '2');
    expect(out).toContain('Selected 2 of 3 KOCs: reach 5 fans');
    expect(out).toMatch(/^2\s+b\s+1\s+5\s+2$/m);
    expect(out).toContain('line 3: invalid JSON');
  });

  it.each([
    [['--k', '0'], 'VALIDATION'],
    [['--k', 'two'], 'VALIDATION'],
    [['--budget', '-1'], 'VALIDATION'],
    [[], 'VALIDATION'],
    [['--k', '1', '--quota', 'colour<=2'], 'VALIDATION'],
  ])('rejects options %j with %s', async (args, code) => {
    await expect(run('--candidates', candidates, ...args)).rejects.toMatchObject({ code, exitCode: 2 });
  });

  it('rejects an unreadable file with exit code 2', async () => {
    await expect(run('--candidates', join(dir, 'missing.jsonl'), '--k', '1')).rejects.toMatchObject({
      code: 'IMPORT_UNREADABLE',
      exitCode: 2,
    });
  });
});
