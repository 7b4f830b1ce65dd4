import { randomBytes } from 'node:crypto';

let counter = 0;

/**
 * Time-ordered, URL-safe ids: 12 hex chars of milliseconds, a per-process counter (so ids made in the
 * same millisecond keep their creation order), then random bytes.
 */
export function newId(prefix: string, now: Date = new Date()): string {
  counter = (counter + 1) % 0x1000000;
  const ms = now.getTime().toString(16).padStart(12, '0');
  return `${prefix}_${ms}${counter.toString(16).padStart(6, '0')}${randomBytes(8).toString('hex')}`;
}
