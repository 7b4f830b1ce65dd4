// One number per contact, for range queries on many distinct values (created_at ms, numeric attributes,
// birth years). Values fall into ordered buckets (a bucket key never decreases as the value grows), each
// bucket a bitmap; a range takes its inner buckets whole (by groups of 32 consecutive bucket keys when a
// whole group is inside) and checks exact values only in edge buckets not wholly inside the range.
import { RoaringBitmap32, grown, reserved, union } from './bitmap.js';
import type { Bitmap } from './bitmap.js';

interface Bucket {
  key: number;
  ids: Bitmap;
  /** Bounds of every value ever put in the bucket (removal does not shrink them: still bounds). */
  min: number;
  max: number;
  /** Ids gathered by a bulk load before one addMany. */
  pending?: number[] | undefined;
}

/** Range with optional inclusive/exclusive ends; ±Infinity for an open side. */
export interface NumberRange {
  lo: number;
  loInclusive: boolean;
  hi: number;
  hiInclusive: boolean;
}

/** Bucket keys per group: a group's bitmap is the union of its buckets. */
const GROUP = 32;
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** Order-preserving coarse key of a double: sign, exponent and top 4 mantissa bits (~6% wide buckets). */
export function floatBucket(v: number): number {
  f64[0] = v === 0 ? 0 : Math.abs(v);
  const key = u32[1]! >>> 16;
  return v < 0 ? -key - 1 : key;
}

export class RangeColumn {
  readonly present = new RoaringBitmap32();
  private values = new Float64Array(0);
  private readonly buckets = new Map<number, Bucket>();
  private readonly groups = new Map<number, Bitmap>();
  private sortedKeys: number[] | undefined;

  constructor(private readonly bucketOf: (v: number) => number) {}

  get(id: number): number | undefined {
    const v = this.values[id];
    return v === undefined || Number.isNaN(v) ? undefined : v;
  }

  set(id: number, value: number | undefined): void {
    const old = this.get(id);
    if (old === value) return;
    if (old !== undefined) {
      const key = this.bucketOf(old);
      this.buckets.get(key)!.ids.delete(id);
      this.groups.get(Math.floor(key / GROUP))!.delete(id);
      this.values[id] = NaN;
      this.present.delete(id);
    }
    if (value === undefined) return;
    this.values = grown(this.values, id + 1, NaN);
    this.values[id] = value;
    this.present.add(id);
    this.bucket(value).ids.add(id);
    this.group(this.bucketOf(value)).add(id);
  }

  /** Room for contact ids below `size` without growing (a rebuild knows its largest id). */
  reserve(size: number): void {
    this.values = reserved(this.values, size, NaN);
  }

  /** Bulk load for contacts that have no value in this column yet. */
  setMany(ids: readonly number[], values: readonly number[]): void {
    const touched: Bucket[] = [];
    let maxId = -1;
    for (const id of ids) if (id > maxId) maxId = id;
    this.values = grown(this.values, maxId + 1, NaN);
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!;
      const v = values[k]!;
      if (!Number.isNaN(this.values[id]!)) throw new Error('setMany: contact already has a value');
      this.values[id] = v;
      const bucket = this.bucket(v);
      if (!bucket.pending) touched.push(bucket);
      (bucket.pending ??= []).push(id);
    }
    for (const bucket of touched) {
      bucket.ids.addMany(bucket.pending!);
      this.group(bucket.key).addMany(bucket.pending!);
      bucket.pending = undefined;
    }
    this.present.addMany(ids);
  }

  select(range: NumberRange): Bitmap {
    const keys = this.keys();
    const parts: Bitmap[] = [];
    const edge: number[] = [];
    const inside = (v: number) =>
      (range.loInclusive ? v >= range.lo : v > range.lo) &&
      (range.hiInclusive ? v <= range.hi : v < range.hi);
    const loKey = range.lo === -Infinity ? -Infinity : this.bucketOf(range.lo);
    const hiKey = range.hi === Infinity ? Infinity : this.bucketOf(range.hi);
    for (
      let k = loKey === -Infinity ? 0 : lowerBound(keys, loKey);
      k < keys.length && keys[k]! <= hiKey;
      k++
    ) {
      const key = keys[k]!;
      const g = Math.floor(key / GROUP);
      // Buckets strictly between the edge buckets hold only values inside the range.
      if (g * GROUP > loKey && g * GROUP + GROUP - 1 < hiKey) {
        parts.push(this.groups.get(g)!);
        while (k + 1 < keys.length && Math.floor(keys[k + 1]! / GROUP) === g) k++;
        continue;
      }
      const bucket = this.buckets.get(key)!;
      if (inside(bucket.min) && inside(bucket.max)) parts.push(bucket.ids);
      else if (bucket.max >= range.lo && bucket.min <= range.hi) {
        for (const id of bucket.ids.toUint32Array()) if (inside(this.values[id]!)) edge.push(id);
      }
    }
    if (edge.length > 0) parts.push(new RoaringBitmap32(edge));
    return union(parts);
  }

  runOptimize(): void {
    this.present.runOptimize();
    for (const b of this.buckets.values()) b.ids.runOptimize();
    for (const g of this.groups.values()) g.runOptimize();
  }

  private bucket(v: number): Bucket {
    const key = this.bucketOf(v);
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { key, ids: new RoaringBitmap32(), min: v, max: v };
      this.buckets.set(key, bucket);
      this.sortedKeys = undefined;
    } else {
      if (v < bucket.min) bucket.min = v;
      if (v > bucket.max) bucket.max = v;
    }
    return bucket;
  }

  private group(key: number): Bitmap {
    const g = Math.floor(key / GROUP);
    let ids = this.groups.get(g);
    if (!ids) {
      ids = new RoaringBitmap32();
      this.groups.set(g, ids);
    }
    return ids;
  }

  private keys(): number[] {
    this.sortedKeys ??= [...this.buckets.keys()].sort((a, b) => a - b);
    return this.sortedKeys;
  }
}

function lowerBound(sorted: number[], key: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
