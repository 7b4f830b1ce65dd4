import { randomFillSync } from 'node:crypto';

let counter = 0;
// Random bytes are drawn 4 KiB at a time: bulk writes make a million ids in a go.
const pool = Buffer.alloc(4096);
let offset = pool.length;

function random8Hex(): string {
  if (offset + 8 > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  offset += 8;
  return pool.toString('hex', offset - 8, offset);
}

/**
 * Time-ordered, URL-safe ids: 12 hex chars of milliseconds, a per-process counter (so ids made in the
 * same millisecond keep their creation order), then random bytes.
 */
export function newId(prefix: string, now: Date = new Date()): string {
  counter = (counter + 1) % 0x1000000;
  const ms = now.getTime().toString(16).padStart(12, '0');
  return `${prefix}_${ms}${counter.toString(16).padStart(6, '0')}${random8Hex()}`;
}
