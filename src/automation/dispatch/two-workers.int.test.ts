// Two dispatch workers (own PostgreSQL pools, own Redis connections) racing on one store: nothing is
// sent twice and the per-account pacing budget is shared through Redis.
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openTestStore, tempDir, type TestStore } from '../../../test/support/stores.js';
import { seedWorkspace } from '../../../test/support/app.js';
import { seedSimAudience } from '../../channels/simulator/seed-sim-audience.js';
import { VirtualClock } from '../../platform/clock.js';
import { createLogger } from '../../platform/log.js';
import { openStore, type Store } from '../../platform/store/open-store.js';
import { defaultGuardrailSettings } from '../guardrails/guardrail-settings.js';
import { updateGuardrailSettings } from '../guardrails/update-guardrail-settings.js';
import { dispatchDeps } from './dispatch-deps.js';
import { dispatchRound } from './dispatch-jobs.js';
import { planTouches } from './plan-touches.js';

const redisUrl = process.env.GUIMI_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function redisProblem(): Promise<string | null> {
  const probe = new Redis(redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 2000,
    retryStrategy: () => null,
  });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    await probe.ping();
    return null;
  } catch (e) {
    return `Redis unreachable at ${redisUrl} (${(e as Error).message})`;
  } finally {
    probe.disconnect();
  }
}

const redisSkip = await redisProblem();
if (redisSkip && process.env.CI === 'true')
  throw new Error(`${redisSkip}; CI=true requires it (set GUIMI_TEST_REDIS_URL)`);
const pgSkip = inject('pgUrl') ? null : (inject('pgSkipReason') ?? 'no PostgreSQL');
const skip = redisSkip ?? pgSkip;

describe(`two workers on PostgreSQL + Redis${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let store: TestStore;
  let second: Store;
  const redises: Redis[] = [];
  beforeAll(async () => {
    if (skip) return;
    store = await openTestStore('postgres');
    const url = new URL(store.env.DATABASE_URL!);
    const schema = url.searchParams.get('options')!.replace('-c search_path=', '');
    url.searchParams.delete('options');
    second = await openStore({ dataDir: tempDir(), databaseUrl: url.toString(), pgSchema: schema });
  });
  afterAll(async () => {
    if (skip) return;
    for (const r of redises) await r.quit();
    await second.close();
    await store.close();
  });

  it.skipIf(skip)('sends each touch once and shares one pacing budget', async () => {
    const clock = new VirtualClock('2026-11-23T02:00:00Z');
    const { ws } = await seedWorkspace(store, 'two');
    await updateGuardrailSettings(
      store.db,
      ws.id,
      {
        ...defaultGuardrailSettings,
        accountPacing: {
          enterprise: { perMinute: 150, perHour: 10_000 },
          personal: { perMinute: 10, perHour: 100 },
          jitterMs: 0,
        },
      },
      { actor: 't', now: clock.now() },
    );
    const silent = { read: 0, click: 0, share: 0, reply: 0, optOut: 0, leaveGroup: 0 };
    const aud = await seedSimAudience(store, ws.id, {
      fans: 400,
      accounts: [{ name: 'r', settings: { seed: 3, fans: silent } }],
      now: clock.now(),
    });
    await planTouches(
      store.db,
      aud.contactIds.map((c) => ({
        workspaceId: ws.id,
        idempotencyKey: `two:${c}`,
        flowId: null,
        flowRunId: null,
        stepId: null,
        kind: 'direct' as const,
        accountId: aud.accountIds[0]!,
        contactId: c,
        groupId: null,
        scriptId: null,
        content: { text: 'hi', attachments: [] },
        promotion: false,
        marketing: true,
        dueAt: clock.now(),
      })),
      clock.now(),
    );
    const worker = (s: Store, id: string) => {
      const redis = new Redis(redisUrl);
      redises.push(redis);
      return dispatchDeps(
        { store: s, clock, logger: createLogger('silent'), workerId: id, redis },
        { batchSize: 25 },
      );
    };
    const workers = [worker(store, 'w1'), worker(second, 'w2')];
    const loop = async (d: (typeof workers)[number]) => {
      for (;;) if ((await dispatchRound(d)).dispatched.claimed === 0) return;
    };
    await Promise.all(workers.map(loop));
    const states = await sql<{ state: string; held_reason: string | null; n: number }>`
      select state, held_reason, count(*) as n from touches group by state, held_reason order by state`.execute(
      store.db,
    );
    expect(states.rows.map((r) => ({ ...r, n: Number(r.n) }))).toEqual([
      { state: 'held', held_reason: 'account_pacing_minute: 150 per minute', n: 250 },
      { state: 'sent', held_reason: null, n: 150 },
    ]);
    const dup = await sql<{ n: number }>`select count(*) as n from (select idempotency_key from sim_messages
      group by idempotency_key having count(*) > 1) d`.execute(store.db);
    expect(Number(dup.rows[0]!.n)).toBe(0);
    const owners = await sql<{ n: number }>`select count(distinct touch_id) as n from sim_messages`.execute(
      store.db,
    );
    expect(Number(owners.rows[0]!.n)).toBe(150);
  });
});
