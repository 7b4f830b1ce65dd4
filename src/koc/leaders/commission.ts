// Commission (返佣) rules: a rate schedule by product, by category, or the workspace default; each
// schedule is tiers by monthly volume, applied progressively like tax brackets (e.g. 10% on the first
// ¥10,000 of the month, 12% on what is above).
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';

export const CommissionTier = z.strictObject({
  /** Upper bound of this tier's monthly volume (yuan); null = no bound (the last tier). */
  upTo: z.number().positive().nullable(),
  rate: z.number().min(0).max(1),
});
export type CommissionTier = z.infer<typeof CommissionTier>;

export const CommissionRuleInput = z
  .strictObject({
    scope: z.enum(['default', 'product', 'category']),
    scopeValue: z.string().trim().max(200).default(''),
    tiers: z.array(CommissionTier).min(1).max(20),
  })
  .superRefine((r, ctx) => {
    if ((r.scope === 'default') !== (r.scopeValue === '')) {
      ctx.addIssue({
        code: 'custom',
        path: ['scopeValue'],
        message: 'a product or category rule names its scopeValue; the default has none',
      });
    }
    r.tiers.forEach((t, i) => {
      const last = i === r.tiers.length - 1;
      if (last !== (t.upTo === null))
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', i, 'upTo'],
          message: 'only the last tier is unbounded (upTo null)',
        });
      const prev = r.tiers[i - 1]?.upTo;
      if (i > 0 && t.upTo !== null && prev != null && t.upTo <= prev) {
        ctx.addIssue({ code: 'custom', path: ['tiers', i, 'upTo'], message: 'tiers must rise' });
      }
    });
  });
export type CommissionRuleInput = z.input<typeof CommissionRuleInput>;

export interface CommissionRule {
  scope: 'default' | 'product' | 'category';
  scopeValue: string;
  tiers: CommissionTier[];
}

/** The most specific rule: the product's, else the category's, else the default. */
export function pickRule(
  rules: readonly CommissionRule[],
  sale: { product?: string | undefined; category?: string | undefined },
): CommissionRule {
  const rule =
    rules.find((r) => r.scope === 'product' && r.scopeValue === sale.product) ??
    rules.find((r) => r.scope === 'category' && r.scopeValue === sale.category) ??
    rules.find((r) => r.scope === 'default');
  if (!rule) throw new AppError('NOT_FOUND', 'no commission rule applies (add a default rule)');
  return rule;
}

/** Commission on a month's volume under a tier schedule, progressively. */
export function commissionFor(tiers: readonly CommissionTier[], volume: number): number {
  let left = volume;
  let floor = 0;
  let total = 0;
  for (const t of tiers) {
    if (left <= 0) break;
    const width = t.upTo === null ? left : Math.min(left, t.upTo - floor);
    total += width * t.rate;
    left -= width;
    floor = t.upTo ?? floor;
  }
  return Math.round(total * 100) / 100;
}
