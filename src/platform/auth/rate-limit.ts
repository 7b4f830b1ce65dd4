// A sliding-window limiter for login attempts, per key (client address and email). In-process: each
// server process limits on its own, which still bounds guessing to N × processes per window.
import { AppError } from '../errors.js';

export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Throws RATE_LIMITED when any key is over its budget; otherwise records nothing. */
  check(keys: string[], now: number): void {
    for (const key of keys) {
      const recent = this.recent(key, now);
      if (recent.length >= this.max) {
        const retryAfterSeconds = Math.ceil((recent[0]! + this.windowMs - now) / 1000);
        throw new AppError('RATE_LIMITED', `too many attempts; try again in ${retryAfterSeconds} s`, {
          retryAfterSeconds,
        });
      }
    }
  }

  record(keys: string[], now: number): void {
    for (const key of keys) this.hits.set(key, [...this.recent(key, now), now]);
  }

  reset(keys: string[]): void {
    for (const key of keys) this.hits.delete(key);
  }

  private recent(key: string, now: number): number[] {
    const list = (this.hits.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (list.length === 0) this.hits.delete(key);
    else this.hits.set(key, list);
    return list;
  }
}
