import { describe, expect, it } from 'vitest';
import { DictColumn } from './dict-column.js';

describe('DictColumn', () => {
  it('finds every value after many rehashes, singles and shared values alike', () => {
    const column = new DictColumn();
    const ids = Array.from({ length: 50_000 }, (_, k) => k + 1);
    // Every third value is shared with the next contact; the rest are held alone.
    const values = ids.map((id) => `用户${id - (id % 3 === 2 ? 1 : 0)}`);
    column.setMany(ids.slice(0, 20_000), values.slice(0, 20_000));
    ids.slice(20_000).forEach((id, k) => column.set(id, values[20_000 + k]));
    expect(column.idsOf('用户1').toArray()).toEqual([1, 2]);
    expect(column.idsOf('用户3').toArray()).toEqual([3]);
    expect(column.idsOf('用户49999').toArray()).toEqual([49_999, 50_000]);
    expect(column.idsOf('用户49998').toArray()).toEqual([49_998]);
    expect(column.idsOf('nobody').size).toBe(0);
    expect(column.get(2)).toBe('用户1');
    const prefixed = ids.filter((id) => values[id - 1]!.startsWith('用户4999'));
    expect(column.idsContaining('用户4999').toArray()).toEqual(prefixed);
    expect(column.present.size).toBe(50_000);
  });

  it('moves a contact between values, shares and frees them', () => {
    const column = new DictColumn();
    const top = 3_000_000;
    column.set(7, 'a');
    column.set(top, 'a');
    expect(column.idsOf('a').toArray()).toEqual([7, top]);
    column.set(7, 'b');
    expect(column.idsOf('a').toArray()).toEqual([top]);
    expect(column.idsOf('b').toArray()).toEqual([7]);
    column.set(top, undefined);
    expect(column.idsOf('a').size).toBe(0);
    expect(column.get(top)).toBeUndefined();
    column.set(top, 'c');
    expect(column.idsOf('c').toArray()).toEqual([top]);
    column.set(8, 'b');
    column.set(7, undefined);
    expect(column.idsOf('b').toArray()).toEqual([8]);
    expect(column.present.toArray()).toEqual([8, top]);
  });
});
