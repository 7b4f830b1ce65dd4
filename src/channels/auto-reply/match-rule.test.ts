import { describe, expect, it } from 'vitest';
import { checkPattern, matches } from './match-rule.js';

describe('auto-reply matching', () => {
  it('matches exact (trimmed, case-insensitive), contains and regex', () => {
    expect(matches('exact', '价格', ' 价格 ')).toBe(true);
    expect(matches('exact', '价格', '价格多少')).toBe(false);
    expect(matches('contains', 'Coupon', 'any coupon today?')).toBe(true);
    expect(matches('regex', '^(优惠|折扣)券?$', '折扣券')).toBe(true);
    expect(matches('regex', '^(优惠|折扣)券?$', '要折扣券吗')).toBe(false);
  });

  it('refuses regexes that can backtrack catastrophically, backreferences and bad syntax', () => {
    expect(() => checkPattern('regex', '(a+)+$')).toThrow(/nested quantifiers/);
    expect(() => checkPattern('regex', '(\\w*)*x')).toThrow(/nested quantifiers/);
    expect(() => checkPattern('regex', '(a)\\1')).toThrow(/backreferences/);
    expect(() => checkPattern('regex', '([a-z')).toThrow(/invalid regex/);
    expect(() => checkPattern('contains', 'x'.repeat(201))).toThrow(/1 to 200/);
    expect(() => checkPattern('regex', '^(hi|hello)\\s+\\d{1,3}$')).not.toThrow();
  });

  it('looks only at the first 500 characters of a message', () => {
    expect(matches('contains', 'needle', 'x'.repeat(600) + 'needle')).toBe(false);
    expect(matches('contains', 'needle', 'needle' + 'x'.repeat(600))).toBe(true);
  });
});
