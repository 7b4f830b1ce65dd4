// One dictionary-encoded value per contact: value -> contacts bitmap, contact -> value code.
// A value held by a single contact keeps a plain id instead of a bitmap, so near-unique columns (names,
// phones) cost a Map entry per value rather than a native bitmap each.
import { RoaringBitmap32, grown, union } from './bitmap.js';
import type { Bitmap } from './bitmap.js';

export class DictColumn {
  /** Contacts that have any value. */
  readonly present = new RoaringBitmap32();
  private readonly codeOf = new Map<string, number>();
  private readonly values: string[] = [''];
  private readonly sets: (Bitmap | undefined)[] = [undefined];
  private readonly single: number[] = [-1];
  /** codes[id] = code of the contact's value; 0 = none. */
  private codes = new Uint32Array(0);

  get(id: number): string | undefined {
    const code = this.codes[id] ?? 0;
    return code === 0 ? undefined : this.values[code];
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
    const set = this.sets[code];
    if (set) set.add(id);
    else if (this.single[code] === -1) this.single[code] = id;
    else {
      this.sets[code] = new RoaringBitmap32([this.single[code]!, id]);
      this.single[code] = -1;
    }
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
      else if (this.sets[code]) toSets.set(code, [id]);
      else if (this.single[code] === -1) this.single[code] = id;
      else {
        toSets.set(code, [this.single[code]!, id]);
        this.single[code] = -1;
      }
    }
    for (const [code, group] of toSets) {
      const set = this.sets[code];
      if (set) set.addMany(group);
      else this.sets[code] = new RoaringBitmap32(group);
    }
    this.present.addMany(ids);
  }

  /** Contacts whose value is exactly `value` (the returned bitmap must not be modified). */
  idsOf(value: string): Bitmap {
    const code = this.codeOf.get(value);
    return code === undefined ? new RoaringBitmap32() : this.members(code);
  }

  /** Contacts whose value passes `test`; scans the dictionary, not the contacts. */
  idsWhere(test: (value: string) => boolean): Bitmap {
    const parts: Bitmap[] = [];
    const singles: number[] = [];
    for (let code = 1; code < this.values.length; code++) {
      if (!test(this.values[code]!)) continue;
      const set = this.sets[code];
      if (set) parts.push(set);
      else if (this.single[code] !== -1) singles.push(this.single[code]!);
    }
    if (singles.length > 0) parts.push(new RoaringBitmap32(singles));
    return union(parts);
  }

  runOptimize(): void {
    this.present.runOptimize();
    for (const set of this.sets) set?.runOptimize();
  }

  private members(code: number): Bitmap {
    const set = this.sets[code];
    if (set) return set;
    const one = this.single[code]!;
    return one === -1 ? new RoaringBitmap32() : new RoaringBitmap32([one]);
  }

  private code(value: string): number {
    let code = this.codeOf.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.codeOf.set(value, code);
      this.values.push(value);
      this.sets.push(undefined);
      this.single.push(-1);
    }
    return code;
  }

  private unlink(code: number, id: number): void {
    const set = this.sets[code];
    if (set) set.delete(id);
    else if (this.single[code] === id) this.single[code] = -1;
  }
}
