// Per-category / per-city quotas for the greedy: "at most" blocks a value once full (for good); "at
// least" reserves slots or budget: while the reserve still fits, anyone may be picked, once it would
// not, only candidates that fill a missing quota are admissible (so the greedy never paints itself
// into a corner it could have avoided).
import { AppError } from '../../platform/errors.js';

export type QuotaField = 'category' | 'city';

export interface Quota {
  field: QuotaField;
  /** Omitted: the bound applies to every value of the field. */
  value?: string;
  min?: number;
  max?: number;
}

export interface UnmetQuota {
  field: QuotaField;
  value: string;
  min: number;
  count: number;
}

export interface QuotaMember {
  cost: number;
  category?: string | undefined;
  city?: string | undefined;
}

interface Bucket {
  min: number;
  max: number;
  count: number;
  /** Candidate indexes of this value, cheapest first. */
  members: number[];
}

const FIELDS: readonly QuotaField[] = ['category', 'city'];

export function validateQuotas(quotas: readonly Quota[]): void {
  for (const q of quotas) {
    if (!FIELDS.includes(q.field))
      throw new AppError('VALIDATION', `unknown quota field "${String(q.field)}"`);
    for (const bound of [q.min, q.max]) {
      if (bound !== undefined && !(Number.isInteger(bound) && bound >= 0)) {
        throw new AppError('VALIDATION', 'quota bounds must be non-negative integers', q);
      }
    }
    if (q.min === undefined && q.max === undefined)
      throw new AppError('VALIDATION', 'quota without bound', q);
    if (q.min !== undefined && q.max !== undefined && q.min > q.max) {
      throw new AppError('VALIDATION', 'quota min is above its max', q);
    }
  }
}

export class QuotaTracker {
  private readonly buckets: Map<string, Bucket>[] = FIELDS.map(() => new Map());
  private readonly picked = new Set<number>();
  /** Per field: slots and budget needed to fill the open minimums (recomputed after each pick). */
  private reserve: { slots: number; cost: number }[] | undefined;

  constructor(
    private readonly members: readonly QuotaMember[],
    quotas: readonly Quota[],
  ) {
    FIELDS.forEach((field, f) => {
      const mine = quotas.filter((q) => q.field === field);
      if (mine.length === 0) return;
      const buckets = this.buckets[f]!;
      members.forEach((m, i) => {
        const value = m[field];
        if (value === undefined) return;
        let bucket = buckets.get(value);
        if (!bucket) {
          const applicable = mine.filter((q) => q.value === undefined || q.value === value);
          bucket = {
            min: Math.max(0, ...applicable.map((q) => q.min ?? 0)),
            max: Math.min(Infinity, ...applicable.map((q) => q.max ?? Infinity)),
            count: 0,
            members: [],
          };
          buckets.set(value, bucket);
        }
        bucket.members.push(i);
      });
      for (const q of mine) {
        if (q.value !== undefined && (q.min ?? 0) > 0 && !buckets.has(q.value)) {
          buckets.set(q.value, { min: q.min ?? 0, max: q.max ?? Infinity, count: 0, members: [] });
        }
      }
      for (const b of buckets.values())
        b.members.sort((x, y) => members[x]!.cost - members[y]!.cost || x - y);
    });
  }

  private bucketsOf(i: number): Bucket[] {
    const out: Bucket[] = [];
    FIELDS.forEach((field, f) => {
      const value = this.members[i]![field];
      const bucket = value === undefined ? undefined : this.buckets[f]!.get(value);
      if (bucket) out.push(bucket);
    });
    return out;
  }

  /** True when a value of `i` is already full: it can never be picked. */
  blocked(i: number): boolean {
    return this.bucketsOf(i).some((b) => b.count >= b.max);
  }

  fillsMinimum(i: number): boolean {
    return this.bucketsOf(i).some((b) => b.count < b.min);
  }

  hasOpenMinimum(): boolean {
    return this.buckets.some((m) => [...m.values()].some((b) => b.count < b.min));
  }

  /** Whether picking `i` still leaves room (slots, budget) for the open minimums it does not fill. */
  admissible(i: number, slotsLeft: number, budgetLeft: number): boolean {
    this.reserve ??= this.computeReserve(budgetLeft);
    const cost = this.members[i]!.cost;
    return FIELDS.every((field, f) => {
      const value = this.members[i]![field];
      const bucket = value === undefined ? undefined : this.buckets[f]!.get(value);
      if (bucket && bucket.count < bucket.min) return true;
      const need = this.reserve![f]!;
      return need.slots <= slotsLeft - 1 && need.cost <= budgetLeft - cost;
    });
  }

  pick(i: number): void {
    this.picked.add(i);
    for (const b of this.bucketsOf(i)) b.count++;
    this.reserve = undefined;
  }

  /** Whether a whole selection meets every bound (used to vet the best single candidate). */
  satisfiedBy(selection: readonly number[]): boolean {
    return this.buckets.every((buckets, f) =>
      [...buckets.entries()].every(([value, b]) => {
        const n = selection.filter((i) => this.members[i]![FIELDS[f]!] === value).length;
        return n >= b.min && n <= b.max;
      }),
    );
  }

  unmet(): UnmetQuota[] {
    const out: UnmetQuota[] = [];
    FIELDS.forEach((field, f) => {
      for (const [value, b] of this.buckets[f]!) {
        if (b.count < b.min) out.push({ field, value, min: b.min, count: b.count });
      }
    });
    return out.sort((a, b) => a.field.localeCompare(b.field) || (a.value < b.value ? -1 : 1));
  }

  // Open minimums count only what can still be filled: the cheapest unpicked, affordable members.
  private computeReserve(budgetLeft: number): { slots: number; cost: number }[] {
    return this.buckets.map((buckets) => {
      let slots = 0;
      let cost = 0;
      for (const b of buckets.values()) {
        let need = b.min - b.count;
        for (let j = 0; need > 0 && j < b.members.length; j++) {
          const m = b.members[j]!;
          if (this.picked.has(m)) continue;
          const c = this.members[m]!.cost;
          if (c > budgetLeft) break;
          slots++;
          cost += c;
          need--;
        }
      }
      return { slots, cost };
    });
  }
}
