import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FirstSeen } from './first-seen.js';

describe('FirstSeen', () => {
  it('answers like a Map of id → first line', () => {
    const id = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.string({ unit: 'grapheme', maxLength: 4 }),
      fc.constantFrom('', 'a', '王芳'),
    );
    fc.assert(
      fc.property(fc.array(id, { maxLength: 300 }), (ids) => {
        const seen = new FirstSeen();
        const reference = new Map<string, number>();
        ids.forEach((value, i) => {
          const line = i + 1;
          expect(seen.check(value, line)).toBe(reference.get(value));
          if (!reference.has(value)) reference.set(value, line);
        });
      }),
    );
  });

  it('keeps every id through many resizes', () => {
    const seen = new FirstSeen();
    const n = 100_000;
    const misses: number[] = [];
    for (let i = 0; i < n; i++) if (seen.check(`openid_${i}_微信`, i + 2) !== undefined) misses.push(i);
    for (let i = 0; i < n; i += 7) if (seen.check(`openid_${i}_微信`, 0) !== i + 2) misses.push(i);
    expect(misses).toEqual([]);
    expect(seen.check('openid_x', 1)).toBeUndefined();
  });
});
