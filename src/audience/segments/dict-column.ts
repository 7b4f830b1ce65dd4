// One dictionary-encoded value per contact: value -> contacts, contact -> value code. Near-unique columns
// (names, phones) hold millions of values, so a value costs its code units in a StringPool (off the JS
// heap) and a few typed-array slots: a value held by a single contact keeps a plain id, and only values
// shared by several contacts get a bitmap.
import { RoaringBitmap32, grown, reserved, union } from './bitmap.js';
import type { Bitmap } from './bitmap.js';
import { StringPool } from './string-pool.js';

/** `single` slot of a value no single contact holds alone (none yet, or a bitmap instead). */
const NONE = 0;

export class DictColumn {
  /** Contacts that have any value. */
  readonly present = new RoaringBitmap32();
  /** Values by code; code 0 is "no value". */
  private readonly values = new StringPool();
  /** single[code] = the one contact holding the value, plus one (NONE when shared or unheld). */
  private single = new Uint32Array(16);
  /** Values shared by two or more contacts. */
  private readonly sets = new Map<number, Bitmap>();
  /** codes[id] = code of the contact's value; 0 = none. */
  private codes = new Uint32Array(0);

  get(id: number): string | undefined {
    const code = this.codes[id] ?? 0;
    return code === 0 ? undefined : this.values.get(code);
  }

  set(id: number, value: string | undefined): void {
    const old = this.codes[id] ?? 0;
    const code = value === undefined ? 0 : this.code(value);
    if (old === code) return;
    if (old !== 0) this.unlink(old, id);
    if (code === 0) {
      this.codes[id] = 0;
      this.present.delete(id);
      return;
    }
    this.codes = grown(this.codes, id + 1);
    this.codes[id] = code;
    this.present.add(id);
    this.link(code, id);
  }

  /** Room for contact ids below `size` without growing (a rebuild knows its largest id). */
  reserve(size: number): void {
    this.codes = reserved(this.codes, size);
  }

  /** Bulk load for contacts that have no value in this column yet. */
  setMany(ids: readonly number[], values: readonly string[]): void {
    let maxId = -1;
    for (const id of ids) {
      if ((this.codes[id] ?? 0) !== 0) throw new Error('setMany: contact already has a value');
      if (id > maxId) maxId = id;
    }
    this.codes = grown(this.codes, maxId + 1);
    // Ids bound for a bitmap, by code; a value seen once stays a plain id and allocates nothing.
    const toSets = new Map<number, number[]>();
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!;
      const code = this.code(values[k]!);
      this.codes[id] = code;
      const pending = toSets.get(code);
      if (pending) pending.push(id);
      else if (this.sets.has(code)) toSets.set(code, [id]);
      else if (this.single[code] === NONE) this.single[code] = id + 1;
      else {
        toSets.set(code, this.single[code] === NONE ? [id] : [this.single[code]! - 1, id]);
        this.single[code] = NONE;
      }
    }
    for (const [code, group] of toSets) {
      const set = this.sets.get(code);
      if (set) set.addMany(group);
      else this.sets.set(code, new RoaringBitmap32(group));
    }
    this.present.addMany(ids);
  }

  /** Contacts whose value is exactly `value` (the returned bitmap must not be modified). */
  idsOf(value: string): Bitmap {
    const code = this.values.find(value);
    return code === 0 ? new RoaringBitmap32() : this.members(code);
  }

  /**
   * Contacts whose value contains `needle` (after its first `from` code units, and starting with the code
   * unit `lead` when given); scans the dictionary, not the contacts.
   */
  idsContaining(needle: string, from = 0, lead?: number): Bitmap {
    const parts: Bitmap[] = [];
    const singles: number[] = [];
    for (let code = 1; code < this.values.size; code++) {
      if (lead !== undefined && !this.values.startsWith(code, lead)) continue;
      if (!this.values.includes(code, needle, from)) continue;
      const set = this.sets.get(code);
      if (set) parts.push(set);
      else if (this.single[code] !== NONE) singles.push(this.single[code]! - 1);
    }
    if (singles.length > 0) parts.push(new RoaringBitmap32(singles));
    return union(parts);
  }

  runOptimize(): void {
    this.present.runOptimize();
    for (const set of this.sets.values()) set.runOptimize();
  }

  private members(code: number): Bitmap {
    const set = this.sets.get(code);
    if (set) return set;
    const one = this.single[code]!;
    return one === NONE ? new RoaringBitmap32() : new RoaringBitmap32([one - 1]);
  }

  private link(code: number, id: number): void {
    const set = this.sets.get(code);
    if (set) set.add(id);
    else if (this.single[code] === NONE) this.single[code] = id + 1;
    else {
      const ids = this.single[code] === NONE ? [id] : [this.single[code]! - 1, id];
      this.sets.set(code, new RoaringBitmap32(ids));
      this.single[code] = NONE;
    }
  }

  private unlink(code: number, id: number): void {
    const set = this.sets.get(code);
    if (set) set.delete(id);
    else if (this.single[code] === id + 1) this.single[code] = NONE;
  }

  private code(value: string): number {
    const code = this.values.intern(value);
    this.single = grown(this.single, code + 1);
    return code;
  }
}
