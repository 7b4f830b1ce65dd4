// What the dispatcher needs, built once per worker.
import type { Channel } from '../../channels/channel.js';
import { channelFor } from '../../channels/registry.js';
import type { Clock } from '../../platform/clock.js';
import type { Logger } from '../../platform/log.js';
import type { Store } from '../../platform/store/open-store.js';
import type { Redis } from 'ioredis';
import { redisCounters, storeCounters, type RateCounters } from '../guardrails/rate-counters.js';
import '../../channels/channel-tables.js';

export interface DispatchOptions {
  /** Touches claimed per round. */
  batchSize: number;
  /** A `sending` touch whose lease passed belongs to a dead worker: it becomes `unknown`. */
  leaseMs: number;
  /** Failed sends before a touch is dead. */
  maxAttempts: number;
  /** First retry delay (doubles per attempt, with jitter). */
  retryBaseMs: number;
  /** How often an assisted channel is asked whether staff confirmed. */
  confirmationPollMs: number;
}

export const defaultDispatchOptions: DispatchOptions = {
  batchSize: 1000,
  leaseMs: 60_000,
  maxAttempts: 5,
  retryBaseMs: 30_000,
  confirmationPollMs: 60_000,
};

export interface DispatchDeps extends DispatchOptions {
  store: Store;
  clock: Clock;
  logger: Logger;
  workerId: string;
  counters: RateCounters;
  channel(kind: string): Channel;
  /** account id → kind (accounts never change kind). */
  accountKind(id: string): Promise<string>;
  random: () => number;
}

export function dispatchDeps(
  base: { store: Store; clock: Clock; logger: Logger; workerId: string; redis: Redis | null },
  options: Partial<DispatchOptions> = {},
): DispatchDeps {
  const kinds = new Map<string, string>();
  return {
    ...defaultDispatchOptions,
    ...options,
    ...base,
    counters: base.redis ? redisCounters(base.redis) : storeCounters(base.store),
    channel: (kind) => channelFor(base, kind),
    accountKind: async (id) => {
      let kind = kinds.get(id);
      if (kind === undefined) {
        const row = await base.store.db
          .selectFrom('channel_accounts')
          .select('kind')
          .where('id', '=', id)
          .executeTakeFirst();
        kind = row?.kind ?? 'missing';
        kinds.set(id, kind);
      }
      return kind;
    },
    random: Math.random,
  };
}
