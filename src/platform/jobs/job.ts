// A job definition: a name, a payload schema and a handler; optionally recurring. Domains export their
// definitions and the composition root (src/jobs.ts) lists them, so this module imports no domain.
import type { Redis } from 'ioredis';
import type { z } from 'zod';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/open-store.js';

export interface JobContext {
  store: Store;
  clock: Clock;
  logger: Logger;
  config: Config;
  /** This process's worker id (leases and logs name it). */
  workerId: string;
  /** Aborted when the scheduler stops: finish the current unit of work quickly and return. */
  signal: AbortSignal;
  /** Shared Redis connection when REDIS_URL is set (counters shared by several workers). */
  redis: Redis | null;
}

export interface JobDefinition<P = unknown> {
  name: string;
  payload: z.ZodType<P>;
  /** `again: true` (loops only) runs the handler again at once: there is more work. */
  handler(payload: P, ctx: JobContext): Promise<void | { again?: boolean }>;
  /** Recurring on a 5-field cron expression (UTC), one run at a time across all workers. */
  cron?: string;
  /** Recurring every N ms, one run at a time across all workers. */
  intervalMs?: number;
  /**
   * Run by EVERY worker process on its own timer (intervalMs), not queued: for handlers that claim their
   * own durable work (the touch dispatcher), so N workers share it.
   */
  everyWorker?: boolean;
  /** Attempts before the job is dead (error kept). Default 5. */
  maxAttempts?: number;
  /** First retry delay; doubles each attempt. Default 1000 ms. */
  backoffMs?: number;
}

export function defineJob<P>(def: JobDefinition<P>): JobDefinition<P> {
  return def;
}

export interface EnqueueOptions {
  delayMs?: number;
  /** Deduplication key: a job with the same name and key is queued once. */
  key?: string;
}

export interface Scheduler {
  readonly kind: 'store' | 'bullmq';
  enqueue(name: string, payload: unknown, opts?: EnqueueOptions): Promise<void>;
  /** Stops claiming work, lets in-flight work finish (or releases it after the grace period). */
  stop(): Promise<void>;
}

/** Exponential backoff with ±25% jitter, capped. `attempt` counts from 1. */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random = Math.random): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp * (0.75 + random() * 0.5));
}
