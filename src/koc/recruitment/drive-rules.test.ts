import { describe, expect, it } from 'vitest';
import { assessApplication, DriveRules } from './drive-rules.js';

const rules = DriveRules.parse({
  minFollowers: 1000,
  minInteractionRate: 0.05,
  categories: ['beauty'],
  cities: [],
});

describe('assessApplication', () => {
  it('passes an applicant over every threshold and scores by the documented formula', () => {
    const a = assessApplication(rules, {
      followers: 99_999,
      avgReads: 20_000,
      avgLikes: 1500,
      avgComments: 500,
      category: 'beauty',
      city: '上海',
    });
    expect(a.eligible).toBe(true);
    expect(a.leadEligible).toBe(true);
    // reach 40 × log10(100000)/5 = 40; read rate 20 × min(1, 0.2/0.2) = 20; interaction 30 × min(1, 0.1/0.1) = 30; match 10
    expect(a.score).toBe(100);
  });

  it('names each failed rule and does not make a small account a lead', () => {
    const a = assessApplication(rules, {
      followers: 999,
      avgReads: 100,
      avgLikes: 2,
      avgComments: 1,
      category: 'food',
      city: '杭州',
    });
    expect(a.eligible).toBe(false);
    expect(a.leadEligible).toBe(false);
    expect(a.verdicts.filter((v) => !v.pass).map((v) => v.rule)).toEqual([
      'followers',
      'interactionRate',
      'category',
      'leadFollowers',
    ]);
    // 40 × log10(1000)/5 = 24; 20 × (100/999)/0.2 ≈ 10.01; 30 × 0.03/0.1 = 9; match: city only = 5
    expect(a.score).toBeCloseTo(24 + (20 * (100 / 999)) / 0.2 + 9 + 5, 1);
  });
});
