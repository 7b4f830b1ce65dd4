import { describe, expect, it } from 'vitest';
import { StringPool } from './string-pool.js';

describe('StringPool', () => {
  it('numbers each distinct string once and gives it back, through many rehashes', () => {
    const pool = new StringPool();
    const words = Array.from({ length: 30_000 }, (_, k) => `用户${k}🌸${k % 7 === 0 ? '' : 'x'}`);
    const numbers = words.map((w) => pool.intern(w));
    expect(new Set(numbers).size).toBe(words.length);
    expect(words.map((w) => pool.intern(w))).toEqual(numbers);
    expect(pool.find('用户29999🌸x')).toBe(numbers[29_999]);
    expect(pool.find('nobody')).toBe(0);
    expect(pool.get(numbers[12_345]!)).toBe(words[12_345]);
    expect(pool.intern('')).toBe(pool.size - 1);
    expect(pool.get(pool.find(''))).toBe('');
  });

  it('finds substrings the way String.prototype.includes does, from a position', () => {
    const pool = new StringPool();
    const values = ['s敏感肌', 'sabcabd', 'n3', 's', 'sab', 'b敏感', '🌸🌸'];
    const numbers = values.map((v) => pool.intern(v));
    for (const needle of ['', 'ab', 'abd', '敏感', 'sa', 's', '🌸', 'x']) {
      for (const from of [0, 1]) {
        const got = numbers.map((n) => pool.includes(n, needle, from));
        expect(got, `${needle} from ${from}`).toEqual(values.map((v) => v.slice(from).includes(needle)));
      }
    }
    expect(numbers.map((n) => pool.startsWith(n, 's'.charCodeAt(0)))).toEqual(
      values.map((v) => v.startsWith('s')),
    );
  });
});
