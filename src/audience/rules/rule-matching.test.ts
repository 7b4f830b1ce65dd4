import { describe, expect, it } from 'vitest';
import { parseCondition } from './attribute-condition.js';
import { propsMatch } from './tag-rule.js';

describe('propsMatch', () => {
  it('needs every given prop present with an equal value', () => {
    const props = { channel: 'wx', amount: 99, tags: ['a'], ok: true };
    expect(propsMatch(null, props)).toBe(true);
    expect(propsMatch({ channel: 'wx', amount: 99 }, props)).toBe(true);
    expect(propsMatch({ tags: ['a'], ok: true }, props)).toBe(true);
    expect(propsMatch({ channel: 'app' }, props)).toBe(false);
    expect(propsMatch({ amount: '99' }, props)).toBe(false);
    expect(propsMatch({ missing: null }, props)).toBe(false);
  });
});

describe('parseCondition', () => {
  it('accepts fields, attributes and tags', () => {
    expect(parseCondition('city = 上海 AND attr.level >= 3 AND NOT tag:流失').kind).toBe('and');
  });

  it.each([
    ['did read within 7d', 'event condition'],
    ['count(read, 7d) > 2', 'event condition'],
    ['segment:高价值', 'saved segment'],
    ['tier:gold', '"tier:"'],
  ])('refuses %s', (text, why) => {
    expect(() => parseCondition(text)).toThrow(why);
  });
});
