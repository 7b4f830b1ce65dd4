// The events of one type: per UTC hour ("slot") a bitmap of contacts with >= 1 event in it, plus the
// raw (contact, at) records of the slot so window edges and count() are exact. Aligned blocks of 1, 4,
// 16 and 64 days hold the union of their slots, so a 30-day window ORs a few dozen bitmaps and scans
// the records of at most two hours.
import { RoaringBitmap32, grown, union } from './bitmap.js';
import type { Bitmap } from './bitmap.js';

const SLOT_MS = 3_600_000;
/** Block sizes in slots, largest first: 64, 16, 4 and 1 days. */
const BLOCK_SIZES = [1536, 384, 96, 24];
const UNIONS_KEPT = 4;

class Slot {
  readonly ids = new RoaringBitmap32();
  recIds = new Uint32Array(8);
  recAts = new Float64Array(8);
  n = 0;
  /** Bounds of every event time ever added (erasure does not shrink them: still bounds). */
  minAt = Infinity;
  maxAt = -Infinity;
  maxId = 0;

  push(id: number, at: number): void {
    this.recIds = grown(this.recIds, this.n + 1);
    this.recAts = grown(this.recAts, this.n + 1);
    this.recIds[this.n] = id;
    this.recAts[this.n++] = at;
    if (at < this.minAt) this.minAt = at;
    if (at > this.maxAt) this.maxAt = at;
    if (id > this.maxId) this.maxId = id;
  }

  pushMany(ids: Uint32Array, ats: Float64Array): void {
    const n = this.n + ids.length;
    this.recIds = grown(this.recIds, n);
    this.recAts = grown(this.recAts, n);
    this.recIds.set(ids, this.n);
    this.recAts.set(ats, this.n);
    this.n = n;
    for (let k = 0; k < ids.length; k++) {
      const at = ats[k]!;
      if (at < this.minAt) this.minAt = at;
      if (at > this.maxAt) this.maxAt = at;
      if (ids[k]! > this.maxId) this.maxId = ids[k]!;
    }
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
  private readonly slots = new Map<number, Slot>();
  private readonly blocks = BLOCK_SIZES.map(() => new Map<number, Bitmap>());
  /**
   * Unions of whole-slot ranges recently asked for, newest first. Windows ending "now" share them for
   * an hour; every add and erase updates them in place, so they are never stale.
   */
  private readonly unions: { from: number; to: number; ids: Bitmap }[] = [];

  add(at: number, id: number): void {
    const s = Math.floor(at / SLOT_MS);
    const slot = this.slot(s);
    slot.push(id, at);
    slot.ids.add(id);
    for (const u of this.unions) if (s >= u.from && s <= u.to) u.ids.add(id);
    BLOCK_SIZES.forEach((size, b) => this.block(b, Math.floor(s / size)).add(id));
  }

  addMany(ats: ArrayLike<number>, ids: ArrayLike<number>): void {
    const { slots, order } = bySlot(ats);
    const sortedIds = new Uint32Array(order.length);
    const sortedAts = new Float64Array(order.length);
    for (let j = 0; j < order.length; j++) {
      sortedIds[j] = ids[order[j]!]!;
      sortedAts[j] = ats[order[j]!]!;
    }
    // Slots ascend, so each block's ids are one contiguous run too: no copies per block.
    const runs = BLOCK_SIZES.map(() => ({ key: NaN, from: 0 }));
    const flush = (b: number, to: number) => {
      const run = runs[b]!;
      if (to > run.from) this.block(b, run.key).addMany(sortedIds.subarray(run.from, to));
      run.from = to;
    };
    let from = 0;
    for (const [s, to] of slots) {
      const slotIds = sortedIds.subarray(from, to);
      const slot = this.slot(s);
      slot.pushMany(slotIds, sortedAts.subarray(from, to));
      slot.ids.addMany(slotIds);
      for (const u of this.unions) if (s >= u.from && s <= u.to) u.ids.addMany(slotIds);
      BLOCK_SIZES.forEach((size, b) => {
        const key = Math.floor(s / size);
        if (key !== runs[b]!.key) {
          flush(b, from);
          runs[b]!.key = key;
        }
      });
      from = to;
    }
    BLOCK_SIZES.forEach((_, b) => flush(b, from));
  }

  /** Erasure: the contact's events are forgotten. */
  erase(id: number): void {
    for (const slot of this.slots.values()) if (slot.ids.has(id)) slot.erase(id);
    for (const blocks of this.blocks) for (const ids of blocks.values()) ids.delete(id);
    for (const u of this.unions) u.ids.delete(id);
  }

  /** Contacts with at least one event at start < at <= end. */
  within(start: number, end: number): Bitmap {
    const first = Math.floor(start / SLOT_MS);
    const last = Math.floor(end / SLOT_MS);
    const parts: Bitmap[] = [];
    this.partialSlot(first, start, end, parts);
    if (last > first) {
      if (last - 1 >= first + 1) parts.push(this.fullSlots(first + 1, last - 1));
      this.partialSlot(last, start, end, parts);
    }
    return union(parts);
  }

  /** Calls `visit` once per contact with at least one event at start < at <= end, with its count. */
  countWithin(start: number, end: number, visit: (id: number, count: number) => void): void {
    const touched: number[] = [];
    const first = Math.floor(start / SLOT_MS);
    const last = Math.floor(end / SLOT_MS);
    const slots =
      last - first + 1 <= this.slots.size
        ? Array.from({ length: last - first + 1 }, (_, k) => this.slots.get(first + k))
        : [...this.slots].filter(([s]) => s >= first && s <= last).map(([, slot]) => slot);
    for (const slot of slots) {
      if (!slot) continue;
      const { recAts, recIds, n } = slot;
      if (slot.maxId >= scratch.length) scratch = grown(scratch, slot.maxId + 1);
      const counts = scratch;
      for (let r = 0; r < n; r++) {
        const at = recAts[r]!;
        if (at <= start || at > end) continue;
        const id = recIds[r]!;
        if (counts[id]!++ === 0) touched.push(id);
      }
    }
    for (const id of touched) {
      visit(id, scratch[id]!);
      scratch[id] = 0;
    }
  }

  runOptimize(): void {
    for (const slot of this.slots.values()) slot.ids.runOptimize();
    for (const blocks of this.blocks) for (const ids of blocks.values()) ids.runOptimize();
  }

  private partialSlot(s: number, start: number, end: number, parts: Bitmap[]): void {
    const slot = this.slots.get(s);
    if (!slot || slot.maxAt <= start || slot.minAt > end) return;
    if (slot.minAt > start && slot.maxAt <= end) {
      parts.push(slot.ids);
      return;
    }
    const ids: number[] = [];
    for (let r = 0; r < slot.n; r++) {
      const at = slot.recAts[r]!;
      if (at > start && at <= end) ids.push(slot.recIds[r]!);
    }
    if (ids.length > 0) parts.push(new RoaringBitmap32(ids));
  }

  /** Union of whole slots from..to, from the largest aligned blocks that fit (kept for reuse). */
  private fullSlots(from: number, to: number): Bitmap {
    const cached = this.unions.find((u) => u.from === from && u.to === to);
    if (cached) return cached.ids;
    const parts: Bitmap[] = [];
    let s = from;
    while (s <= to) {
      const b = BLOCK_SIZES.findIndex((size) => mod(s, size) === 0 && s + size - 1 <= to);
      const size = b === -1 ? 1 : BLOCK_SIZES[b]!;
      const ids = b === -1 ? this.slots.get(s)?.ids : this.blocks[b]!.get(s / size);
      if (ids) parts.push(ids);
      s += size;
    }
    if (parts.length <= 1) return union(parts);
    const ids = RoaringBitmap32.orMany(parts);
    this.unions.unshift({ from, to, ids });
    if (this.unions.length > UNIONS_KEPT) this.unions.pop();
    return ids;
  }

  private slot(s: number): Slot {
    let slot = this.slots.get(s);
    if (!slot) {
      slot = new Slot();
      this.slots.set(s, slot);
    }
    return slot;
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

/** Slots a counting sort can index directly; wider spans (decades of hours) sort the events instead. */
const MAX_SPAN = 1 << 20;

/**
 * The events' indexes ordered by slot, and each slot with the end of its run in that order (ascending).
 */
function bySlot(ats: ArrayLike<number>): { slots: [number, number][]; order: Uint32Array } {
  const n = ats.length;
  const slotOf = new Float64Array(n);
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < n; k++) {
    const s = Math.floor(ats[k]! / SLOT_MS);
    slotOf[k] = s;
    if (s < lo) lo = s;
    if (s > hi) hi = s;
  }
  const order = new Uint32Array(n);
  const slots: [number, number][] = [];
  if (n === 0) return { slots, order };
  if (hi - lo < MAX_SPAN) {
    const ends = new Uint32Array(hi - lo + 2);
    for (let k = 0; k < n; k++) ends[slotOf[k]! - lo + 1]!++;
    for (let i = 1; i < ends.length; i++) ends[i]! += ends[i - 1]!;
    const next = ends.slice(0, -1);
    for (let k = 0; k < n; k++) order[next[slotOf[k]! - lo]!++] = k;
    for (let i = 0; i < ends.length - 1; i++) if (ends[i + 1]! > ends[i]!) slots.push([lo + i, ends[i + 1]!]);
    return { slots, order };
  }
  for (let k = 0; k < n; k++) order[k] = k;
  order.sort((a, b) => slotOf[a]! - slotOf[b]!);
  for (let j = 0; j < n; j++) {
    const s = slotOf[order[j]!]!;
    if (j + 1 === n || slotOf[order[j + 1]!] !== s) slots.push([s, j + 1]);
  }
  return { slots, order };
}
