// Distinct strings numbered 1, 2, 3… and kept off the JS heap: their UTF-16 code units in one growing
// typed array, found again through an open-addressing table of their numbers. Ten million names as JS
// strings would be ten million heap objects that every full garbage collection walks (half a second each,
// during counts); here they are three typed arrays.
import { grown } from './bitmap.js';

const utf16 = new TextDecoder('utf-16le');

export class StringPool {
  /** Code units of every string, back to back. */
  private units = new Uint16Array(64);
  /** starts[n] .. starts[n + 1] are string n's units (number 0 is unused). */
  private starts = new Uint32Array(16);
  private count = 1;
  /** Open addressing over numbers (0 = empty slot), at most half full. */
  private table = new Int32Array(16);

  /** Strings held, plus one: numbers run from 1 to size - 1. */
  get size(): number {
    return this.count;
  }

  /** The number of `value`, added if new. */
  intern(value: string): number {
    const slot = this.slotOf(value);
    const found = this.table[slot]!;
    if (found !== 0) return found;
    const n = this.count++;
    const start = this.starts[n]!;
    this.units = grown(this.units, start + value.length);
    for (let i = 0; i < value.length; i++) this.units[start + i] = value.charCodeAt(i);
    this.starts = grown(this.starts, n + 2);
    this.starts[n + 1] = start + value.length;
    this.table[slot] = n;
    if (n * 2 > this.table.length) this.rehash();
    return n;
  }

  /** The number of `value`, or 0 when it is not held. */
  find(value: string): number {
    return this.table[this.slotOf(value)]!;
  }

  get(n: number): string {
    return utf16.decode(this.units.subarray(this.starts[n]!, this.starts[n + 1]!));
  }

  /** Whether string n holds `needle` at or after position `from`, without making a JS string. */
  includes(n: number, needle: string, from = 0): boolean {
    const start = this.starts[n]! + from;
    const last = this.starts[n + 1]! - needle.length;
    const first = needle.charCodeAt(0);
    outer: for (let i = start; i <= last; i++) {
      if (this.units[i] !== first) continue;
      for (let j = 1; j < needle.length; j++) if (this.units[i + j] !== needle.charCodeAt(j)) continue outer;
      return true;
    }
    return needle.length === 0 && start <= this.starts[n + 1]!;
  }

  /** Whether string n begins with the code unit `unit`. */
  startsWith(n: number, unit: number): boolean {
    return this.starts[n + 1]! > this.starts[n]! && this.units[this.starts[n]!] === unit;
  }

  private slotOf(value: string): number {
    const mask = this.table.length - 1;
    let slot = hashString(value) & mask;
    for (;;) {
      const n = this.table[slot]!;
      if (n === 0 || this.equals(n, value)) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private equals(n: number, value: string): boolean {
    const start = this.starts[n]!;
    if (this.starts[n + 1]! - start !== value.length) return false;
    for (let i = 0; i < value.length; i++) if (this.units[start + i] !== value.charCodeAt(i)) return false;
    return true;
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    for (let n = 1; n < this.count; n++) {
      let slot = hashUnits(this.units, this.starts[n]!, this.starts[n + 1]!) & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = n;
    }
    this.table = table;
  }
}

// FNV-1a over UTF-16 code units with a final mix, so nearby strings spread over the table. The two
// functions must agree: one hashes a JS string, the other the same units stored in the pool.
function hashString(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 0x01000193);
  return mix(h);
}

function hashUnits(units: Uint16Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ units[i]!, 0x01000193);
  return mix(h);
}

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
}
