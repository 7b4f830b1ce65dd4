// The events of one type: per UTC day a bitmap of contacts with >= 1 event that day, plus the raw
// (contact, at) records of the day so window edges inside a day and count() are exact. Aligned blocks
// of 4, 16 and 64 days hold the union of their days, so a 30- or 90-day window ORs a handful of bitmaps.
import { RoaringBitmap32, grown, union } from './bitmap.js';
import type { Bitmap } from './bitmap.js';
import { DAY_MS } from './segment-values.js';

const BLOCK_SIZES = [64, 16, 4];

class DayEvents {
  readonly ids = new RoaringBitmap32();
  recIds = new Uint32Array(8);
  recAts = new Float64Array(8);
  n = 0;
  /** Bounds of every event time ever added (erasure does not shrink them: still bounds). */
  minAt = Infinity;
  maxAt = -Infinity;

  push(id: number, at: number): void {
    this.recIds = grown(this.recIds, this.n + 1);
    this.recAts = grown(this.recAts, this.n + 1);
    this.recIds[this.n] = id;
    this.recAts[this.n++] = at;
    if (at < this.minAt) this.minAt = at;
    if (at > this.maxAt) this.maxAt = at;
  }

  erase(id: number): void {
    this.ids.delete(id);
    let w = 0;
    for (let r = 0; r < this.n; r++) {
      if (this.recIds[r] === id) continue;
      this.recIds[w] = this.recIds[r]!;
      this.recAts[w++] = this.recAts[r]!;
    }
    this.n = w;
  }
}

let scratch = new Uint32Array(0);

export class EventColumn {
  private readonly days = new Map<number, DayEvents>();
  private readonly blocks = BLOCK_SIZES.map(() => new Map<number, Bitmap>());

  add(at: number, id: number): void {
    const day = Math.floor(at / DAY_MS);
    const bucket = this.day(day);
    bucket.push(id, at);
    bucket.ids.add(id);
    BLOCK_SIZES.forEach((size, b) => this.block(b, Math.floor(day / size)).add(id));
  }

  addMany(ats: ArrayLike<number>, ids: ArrayLike<number>): void {
    const byDay = new Map<number, number[]>();
    for (let k = 0; k < ats.length; k++) {
      const day = Math.floor(ats[k]! / DAY_MS);
      const group = byDay.get(day);
      if (group) group.push(k);
      else byDay.set(day, [k]);
    }
    for (const [day, ks] of byDay) {
      const bucket = this.day(day);
      const dayIds = ks.map((k) => ids[k]!);
      ks.forEach((k, j) => bucket.push(dayIds[j]!, ats[k]!));
      bucket.ids.addMany(dayIds);
      BLOCK_SIZES.forEach((size, b) => this.block(b, Math.floor(day / size)).addMany(dayIds));
    }
  }

  /** Erasure: the contact's events are forgotten. */
  erase(id: number): void {
    for (const day of this.days.values()) if (day.ids.has(id)) day.erase(id);
    for (const blocks of this.blocks) for (const ids of blocks.values()) ids.delete(id);
  }

  /** Contacts with at least one event at start < at <= end. */
  within(start: number, end: number): Bitmap {
    const first = Math.floor(start / DAY_MS);
    const last = Math.floor(end / DAY_MS);
    const parts: Bitmap[] = [];
    this.partialDay(first, start, end, parts);
    if (last > first) {
      this.fullDays(first + 1, last - 1, parts);
      this.partialDay(last, start, end, parts);
    }
    return union(parts);
  }

  /** Calls `visit` once per contact with at least one event at start < at <= end, with its count. */
  countWithin(start: number, end: number, visit: (id: number, count: number) => void): void {
    const touched: number[] = [];
    const first = Math.floor(start / DAY_MS);
    const last = Math.floor(end / DAY_MS);
    const days =
      last - first + 1 <= this.days.size
        ? Array.from({ length: last - first + 1 }, (_, k) => this.days.get(first + k))
        : [...this.days].filter(([d]) => d >= first && d <= last).map(([, day]) => day);
    for (const day of days) {
      if (!day) continue;
      for (let r = 0; r < day.n; r++) {
        const at = day.recAts[r]!;
        if (at <= start || at > end) continue;
        const id = day.recIds[r]!;
        if (id >= scratch.length) scratch = grown(scratch, id + 1);
        if (scratch[id]!++ === 0) touched.push(id);
      }
    }
    for (const id of touched) {
      visit(id, scratch[id]!);
      scratch[id] = 0;
    }
  }

  runOptimize(): void {
    for (const day of this.days.values()) day.ids.runOptimize();
    for (const blocks of this.blocks) for (const ids of blocks.values()) ids.runOptimize();
  }

  private partialDay(d: number, start: number, end: number, parts: Bitmap[]): void {
    const day = this.days.get(d);
    if (!day || day.maxAt <= start || day.minAt > end) return;
    if (day.minAt > start && day.maxAt <= end) {
      parts.push(day.ids);
      return;
    }
    const ids: number[] = [];
    for (let r = 0; r < day.n; r++) {
      const at = day.recAts[r]!;
      if (at > start && at <= end) ids.push(day.recIds[r]!);
    }
    if (ids.length > 0) parts.push(new RoaringBitmap32(ids));
  }

  /** Whole days from..to, taking the largest aligned block that fits at each step. */
  private fullDays(from: number, to: number, parts: Bitmap[]): void {
    let d = from;
    while (d <= to) {
      const b = BLOCK_SIZES.findIndex((size) => mod(d, size) === 0 && d + size - 1 <= to);
      const size = b === -1 ? 1 : BLOCK_SIZES[b]!;
      const ids = b === -1 ? this.days.get(d)?.ids : this.blocks[b]!.get(d / size);
      if (ids) parts.push(ids);
      d += size;
    }
  }

  private day(d: number): DayEvents {
    let day = this.days.get(d);
    if (!day) {
      day = new DayEvents();
      this.days.set(d, day);
    }
    return day;
  }

  private block(b: number, key: number): Bitmap {
    const blocks = this.blocks[b]!;
    let ids = blocks.get(key);
    if (!ids) {
      ids = new RoaringBitmap32();
      blocks.set(key, ids);
    }
    return ids;
  }
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}
