import { randomBytes } from 'node:crypto';

/** Time-ordered, URL-safe ids: 12 hex chars of milliseconds then 10 random bytes. */
export function newId(prefix: string, now: Date = new Date()): string {
  return `${prefix}_${now.getTime().toString(16).padStart(12, '0')}${randomBytes(10).toString('hex')}`;
}
