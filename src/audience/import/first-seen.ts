// Remembers ids with the line each was first seen on, to report repeats within one file. A JS Map of a
// million strings costs seconds of GC and ~200 MB; here ids live as UTF-8 bytes in one growing buffer
// behind an open-addressing table of typed arrays, so the GC sees a handful of objects.

const EMPTY = 0;

export class FirstSeen {
  /** Pairs (entry index + 1, hash), 0 = empty: one cache line per probe. Linear probing, at most half full. */
  private slots: Int32Array = new Int32Array(2 << 12);
  private starts: Int32Array = new Int32Array(1 << 11);
  private ends: Int32Array = new Int32Array(1 << 11);
  private lines: Int32Array = new Int32Array(1 << 11);
  /** Ids, each starting on a 4-byte boundary so it can be hashed a word at a time. */
  private bytes: Buffer = Buffer.alloc(1 << 16);
  private words: Int32Array = new Int32Array(
    this.bytes.buffer,
    this.bytes.byteOffset,
    this.bytes.length >> 2,
  );
  private used = 0;
  private count = 0;

  /** The line `id` was first seen on; if it is new, remembers it as seen on `line` and returns undefined. */
  check(id: string, line: number): number | undefined {
    // The id's bytes go at the free end of the buffer: kept if new, overwritten next time if not.
    if (this.used + id.length * 3 + 4 > this.bytes.length) this.grow(this.used + id.length * 3 + 4);
    const start = this.used;
    const end = start + this.bytes.write(id, start, 'utf8');
    const padded = (end + 3) & ~3;
    this.bytes.fill(0, end, padded);
    let hash = end - start;
    for (let w = start >> 2; w < padded >> 2; w++) hash = Math.imul(hash ^ this.words[w]!, 0x01000193);
    hash = mix(hash);

    const mask = (this.slots.length >> 1) - 1;
    let slot = hash & mask;
    for (let entry = this.slots[slot * 2]!; entry !== EMPTY; entry = this.slots[slot * 2]!) {
      const i = entry - 1;
      if (
        this.slots[slot * 2 + 1] === hash &&
        this.bytes.compare(this.bytes, this.starts[i]!, this.ends[i]!, start, end) === 0
      ) {
        return this.lines[i];
      }
      slot = (slot + 1) & mask;
    }
    const i = this.count++;
    if (i === this.lines.length) this.growEntries();
    this.starts[i] = start;
    this.ends[i] = end;
    this.lines[i] = line;
    this.used = padded;
    this.slots[slot * 2] = i + 1;
    this.slots[slot * 2 + 1] = hash;
    if (this.count * 4 > this.slots.length) this.rehash();
    return undefined;
  }

  private grow(needed: number): void {
    const bytes = Buffer.alloc(Math.max(this.bytes.length * 2, needed + 4) & ~3);
    this.bytes.copy(bytes, 0, 0, this.used);
    this.bytes = bytes;
    this.words = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2);
  }

  private growEntries(): void {
    const size = this.lines.length * 2;
    this.starts = growInts(this.starts, size);
    this.ends = growInts(this.ends, size);
    this.lines = growInts(this.lines, size);
  }

  private rehash(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = (slots.length >> 1) - 1;
    for (let k = 0; k < old.length; k += 2) {
      if (old[k] === EMPTY) continue;
      let slot = old[k + 1]! & mask;
      while (slots[slot * 2] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot * 2] = old[k]!;
      slots[slot * 2 + 1] = old[k + 1]!;
    }
    this.slots = slots;
  }
}

/** murmur3's finalizer: spreads the word-wise FNV hash so ids that differ only at the end do not cluster. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function growInts(old: Int32Array, size: number): Int32Array {
  const next = new Int32Array(size);
  next.set(old);
  return next;
}
