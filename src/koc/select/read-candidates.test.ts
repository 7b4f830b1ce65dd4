import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { readCandidates } from './read-candidates.js';

const dir = mkdtempSync(join(tmpdir(), 'guimi-koc-select-'));
const file = (name: string, lines: string[]) => {
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n'));
  return path;
};

describe('readCandidates', () => {
  it('reads good lines, maps string and integer fans to one dictionary, keeps the fields', async () => {
    const path = file('good.jsonl', [
      '{"id":"a","followers":["u1","u2",7],"cost":2.5,"category":"beauty","city":"上海"}',
      '',
      '{"id":42,"followers":["7","u2",8]}',
    ]);
    const { candidates, errors, fans } = await readCandidates(path);
    expect(errors).toEqual([]);
    expect(fans).toBe(4); // u1, u2, 7 (= "7"), 8
    expect(candidates.map((c) => c.id)).toEqual(['a', '42']);
    expect(candidates[0]).toMatchObject({ cost: 2.5, category: 'beauty', city: '上海' });
    expect(candidates[1]!.cost).toBeUndefined();
    expect(candidates[0]!.followers.andCardinality(candidates[1]!.followers)).toBe(2);
  });

  it('reports each bad line with its number and keeps the rest', async () => {
    const path = file('bad.jsonl', [
      '{"id":"a","followers":[1,2]}',
      '{"id":"b","followers":[1,2]',
      '{"followers":[3]}',
      '{"id":"c","followers":"1,2"}',
      '{"id":"d","followers":[1],"cost":-3}',
      '{"id":"e","followers":[1],"cost":"cheap"}',
      '{"id":"a","followers":[9]}',
      '{"id":"f","followers":[1.5]}',
      '[1,2]',
      '{"id":"g","followers":[5],"city":3}',
      '{"id":"h","followers":[]}\r',
    ]);
    const { candidates, errors } = await readCandidates(path);
    expect(candidates.map((c) => c.id)).toEqual(['a', 'h']);
    expect(errors).toEqual([
      { line: 2, reason: 'invalid JSON' },
      { line: 3, reason: 'missing id' },
      { line: 4, reason: 'followers is not an array' },
      { line: 5, reason: 'cost must be a non-negative number' },
      { line: 6, reason: 'cost must be a non-negative number' },
      { line: 7, reason: 'duplicate id "a" (first on line 1)' },
      { line: 8, reason: 'followers[0] is not a string or a non-negative integer' },
      { line: 9, reason: 'not a JSON object' },
      { line: 10, reason: 'city must be a string' },
    ]);
  });

  it('fails with IMPORT_UNREADABLE on a missing file or a directory', async () => {
    await expect(readCandidates(join(dir, 'nope.jsonl'))).rejects.toMatchObject({
      code: 'IMPORT_UNREADABLE',
    });
    await expect(readCandidates(dir)).rejects.toBeInstanceOf(AppError);
  });
});
