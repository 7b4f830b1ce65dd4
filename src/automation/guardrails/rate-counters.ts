// Windowed counters for pacing and caps. `reserve` is all-or-nothing per touch: a touch takes one unit of
// every key it names, or none if any key is at its limit. Several workers share one budget: through
// Redis (one Lua script per batch) or through the store (row locks on PostgreSQL; SQLite has one writer).
import { sql } from 'kysely';
import type { Redis } from 'ioredis';
import type { Store } from '../../platform/store/open-store.js';
import '../dispatch/dispatch-tables.js';

export interface CounterKey {
  key: string;
  limit: number;
  /** Epoch ms when the window ends (the counter then starts again). */
  expiresAt: number;
}

export interface RateCounters {
  /** For each touch: -1 when reserved, else the index of the first key that is at its limit. */
  reserve(requests: readonly CounterKey[][], nowMs: number): Promise<number[]>;
}

const RESERVE_LUA = `
local out = {}
local ki, ai = 1, 2
for t = 1, tonumber(ARGV[1]) do
  local n = tonumber(ARGV[ai]); ai = ai + 1
  local fail = -1
  for j = 0, n - 1 do
    local c = tonumber(redis.call('GET', KEYS[ki + j]) or '0')
    if c >= tonumber(ARGV[ai + j * 2]) then fail = j; break end
  end
  if fail == -1 then
    for j = 0, n - 1 do
      if redis.call('INCR', KEYS[ki + j]) == 1 then redis.call('PEXPIRE', KEYS[ki + j], ARGV[ai + j * 2 + 1]) end
    end
  end
  out[t] = fail
  ki = ki + n; ai = ai + n * 2
end
return out`;

export function redisCounters(redis: Redis, prefix = 'guimi:rc:'): RateCounters {
  return {
    async reserve(requests, nowMs) {
      if (requests.length === 0) return [];
      const keys: string[] = [];
      const args: (string | number)[] = [requests.length];
      for (const r of requests) {
        args.push(r.length);
        for (const k of r) {
          keys.push(prefix + k.key);
          // A TTL relative to the caller's clock (which may be virtual), not Redis's wall clock.
          args.push(k.limit, Math.max(1, k.expiresAt - nowMs));
        }
      }
      return (await redis.eval(RESERVE_LUA, keys.length, ...keys, ...args)) as number[];
    },
  };
}

const CHUNK = 5000;

export function storeCounters(store: Store): RateCounters {
  const pg = store.dialect === 'postgres';
  let calls = 0;
  return {
    async reserve(requests, nowMs) {
      const windows = new Map<string, number>();
      for (const r of requests) for (const k of r) windows.set(k.key, k.expiresAt);
      if (windows.size === 0) return requests.map(() => -1);
      const keys = [...windows.keys()].sort();
      return store.db.transaction().execute(async (trx) => {
        if (++calls % 500 === 1)
          await sql`delete from rate_counters where expires_at < ${nowMs}`.execute(trx);
        const counts = new Map<string, number>();
        for (let i = 0; i < keys.length; i += CHUNK) {
          const part = keys.slice(i, i + CHUNK);
          // PostgreSQL: create the missing rows, then lock them all (in key order: no deadlocks), so
          // concurrent workers wait for each other. SQLite has a single writer already.
          if (pg) {
            const rows = sql.join(part.map((k) => sql`(${k}, 0, ${windows.get(k)!})`));
            await sql`insert into rate_counters (key, count, expires_at) values ${rows}
              on conflict (key) do nothing`.execute(trx);
          }
          const lock = pg ? sql`for update` : sql``;
          const rows = await sql<{ key: string; count: number; expires_at: number }>`
            select key, count, expires_at from rate_counters where key in (${sql.join(part)})
            order by key ${lock}`.execute(trx);
          for (const row of rows.rows) counts.set(row.key, row.expires_at <= nowMs ? 0 : Number(row.count));
        }
        const out = requests.map((r) => {
          const fail = r.findIndex((k) => (counts.get(k.key) ?? 0) >= k.limit);
          if (fail === -1) for (const k of r) counts.set(k.key, (counts.get(k.key) ?? 0) + 1);
          return fail;
        });
        const changed = keys.filter((k) => counts.has(k));
        for (let i = 0; i < changed.length; i += CHUNK) {
          const part = changed.slice(i, i + CHUNK);
          const rows = sql.join(part.map((k) => sql`(${k}, ${counts.get(k)!}, ${windows.get(k)!})`));
          await sql`insert into rate_counters (key, count, expires_at) values ${rows}
            on conflict (key) do update set count = excluded.count, expires_at = excluded.expires_at`.execute(
            trx,
          );
        }
        return out;
      });
    },
  };
}
