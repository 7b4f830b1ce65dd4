import { describe, expect, it } from 'vitest';
import { CommissionRuleInput, commissionFor, pickRule, type CommissionRule } from './commission.js';

const tiers = [
  { upTo: 10_000, rate: 0.1 },
  { upTo: null, rate: 0.12 },
];

describe('commission', () => {
  it('applies tiers progressively: 10% up to ¥10,000 a month, 12% above', () => {
    expect(commissionFor(tiers, 8_000)).toBe(800);
    expect(commissionFor(tiers, 10_000)).toBe(1_000);
    // 1,000 on the first 10,000 + 12% of 5,000 = 600
    expect(commissionFor(tiers, 15_000)).toBe(1_600);
    expect(commissionFor(tiers, 0)).toBe(0);
  });

  it('prefers the product rule, then the category rule, then the default', () => {
    const rules: CommissionRule[] = [
      { scope: 'default', scopeValue: '', tiers },
      { scope: 'category', scopeValue: 'skincare', tiers: [{ upTo: null, rate: 0.15 }] },
      { scope: 'product', scopeValue: 'serum', tiers: [{ upTo: null, rate: 0.2 }] },
    ];
    expect(pickRule(rules, { product: 'serum', category: 'skincare' }).tiers[0]!.rate).toBe(0.2);
    expect(pickRule(rules, { product: 'mask', category: 'skincare' }).tiers[0]!.rate).toBe(0.15);
    expect(pickRule(rules, { product: 'mask', category: 'makeup' }).scope).toBe('default');
  });

  it('refuses schedules whose tiers do not rise or end unbounded', () => {
    expect(CommissionRuleInput.safeParse({ scope: 'default', tiers }).success).toBe(true);
    expect(
      CommissionRuleInput.safeParse({ scope: 'default', tiers: [{ upTo: 10, rate: 0.1 }] }).success,
    ).toBe(false);
    const falling = [
      { upTo: 10, rate: 0.1 },
      { upTo: 5, rate: 0.1 },
      { upTo: null, rate: 0.1 },
    ];
    expect(CommissionRuleInput.safeParse({ scope: 'default', tiers: falling }).success).toBe(false);
    expect(CommissionRuleInput.safeParse({ scope: 'product', tiers }).success).toBe(false);
  });
});
