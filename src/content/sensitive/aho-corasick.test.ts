import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AhoCorasick } from './aho-corasick.js';

describe('AhoCorasick', () => {
  it('finds overlapping and nested words with their character positions', () => {
    const ac = new AhoCorasick<string>([
      ['he', 'a'],
      ['she', 'b'],
      ['his', 'c'],
      ['hers', 'd'],
    ]);
    const found = ac.search('ushers').map((m) => [m.pattern, m.start, m.length]);
    expect(found).toEqual([
      ['she', 1, 3],
      ['he', 2, 2],
      ['hers', 2, 4],
    ]);
  });

  it('matches Chinese words, case-insensitive Latin, positions after astral characters', () => {
    const ac = new AhoCorasick([
      ['最便宜', 'block'],
      ['第一', 'block'],
      ['VX', 'warn'],
    ]);
    expect(ac.search('😀全网最便宜，加vx').map((m) => [m.pattern, m.start])).toEqual([
      ['最便宜', 3],
      ['VX', 8],
    ]);
    expect(ac.search('没有敏感词')).toEqual([]);
  });

  it('agrees with a naive search on random texts', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.string({ unit: fc.constantFrom('a', 'b', 'c', '美'), minLength: 1, maxLength: 4 }),
          {
            maxLength: 8,
          },
        ),
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', '美'), maxLength: 30 }),
        (words, text) => {
          const ac = new AhoCorasick(words.map((w) => [w, w] as [string, string]));
          const got = ac
            .search(text)
            .map((m) => `${m.start}:${m.pattern}`)
            .sort();
          const chars = [...text];
          const want: string[] = [];
          for (const w of words) {
            const wc = [...w];
            for (let i = 0; i + wc.length <= chars.length; i++) {
              if (wc.every((ch, k) => chars[i + k] === ch)) want.push(`${i}:${w}`);
            }
          }
          expect(got).toEqual(want.sort());
        },
      ),
    );
  });
});
