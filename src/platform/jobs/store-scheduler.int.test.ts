import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.js';
import { VirtualClock } from '../clock.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../log.js';
import { defineJob, type JobContext, type JobDefinition } from './job.js';
import { StoreScheduler } from './store-scheduler.js';
import './job-table.js';

describe.each(storeKinds())('store scheduler on $title', ({ name, skip }) => {
  let store: TestStore;
  let clock: VirtualClock;
  const calls: string[] = [];
  beforeEach(async () => {
    if (skip) return;
    store = await openTestStore(name);
    clock = new VirtualClock('2026-11-23T02:00:00Z');
    calls.length = 0;
  });
  afterEach(async () => {
    if (!skip) await store.close();
  });
  const ctx = (workerId: string): JobContext => ({
    store,
    clock,
    logger: createLogger('silent'),
    config: loadConfig({ GUIMI_DATA_DIR: '/nonexistent' }),
    workerId,
    signal: new AbortController().signal,
    redis: null,
  });
  const flaky = defineJob({
    name: 'flaky',
    payload: z.object({ failTimes: z.number() }),
    maxAttempts: 3,
    backoffMs: 1000,
    handler: async (p) => {
      calls.push('flaky');
      if (calls.length <= p.failTimes) throw new Error(`boom ${calls.length}`);
    },
  }) as JobDefinition;
  const job = async () => store.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
  const tick = async (s: StoreScheduler) => {
    await s.pollOnce();
    await s.drain();
  };

  it.skipIf(skip)('retries with exponential backoff, then succeeds', async () => {
    const s = new StoreScheduler([flaky], ctx('w1'), { concurrency: 2 });
    await s.enqueue('flaky', { failTimes: 1 });
    await tick(s);
    const failed = await job();
    expect(failed).toMatchObject({ state: 'queued', attempts: 1, last_error: 'boom 1' });
    const delay = Date.parse(failed.run_at) - clock.now().getTime();
    expect(delay).toBeGreaterThanOrEqual(750);
    expect(delay).toBeLessThanOrEqual(1250);
    await tick(s);
    expect(calls).toHaveLength(1); // not due yet
    clock.set(failed.run_at);
    await tick(s);
    expect(await job()).toMatchObject({ state: 'done', attempts: 2 });
  });

  it.skipIf(skip)('is dead after max attempts, keeping the error', async () => {
    const s = new StoreScheduler([flaky], ctx('w1'), { concurrency: 1 });
    await s.enqueue('flaky', { failTimes: 99 });
    for (let i = 0; i < 3; i++) {
      await tick(s);
      clock.advance(60_000);
    }
    expect(await job()).toMatchObject({ state: 'dead', attempts: 3, last_error: 'boom 3' });
  });

  it.skipIf(skip)("claims a crashed worker's job again once its lease passed", async () => {
    const s1 = new StoreScheduler([flaky], ctx('w1'), { concurrency: 1, leaseMs: 30_000 });
    await s1.enqueue('flaky', { failTimes: 0 });
    // w1 claimed it and died: the row stays running with w1's lease.
    await store.db
      .updateTable('jobs')
      .set({ state: 'running', locked_by: 'w1', locked_until: '2026-11-23T02:00:30.000Z' })
      .execute();
    const s2 = new StoreScheduler([flaky], ctx('w2'), { concurrency: 1 });
    await tick(s2);
    expect(calls).toHaveLength(0);
    clock.advance(31_000);
    await tick(s2);
    expect(calls).toHaveLength(1);
    expect(await job()).toMatchObject({ state: 'done', locked_by: null });
  });

  it.skipIf(skip)('schedules an interval job once and runs it again after the interval', async () => {
    const every = defineJob({
      name: 'every',
      payload: z.object({}),
      intervalMs: 60_000,
      handler: async () => void calls.push('every'),
    }) as JobDefinition;
    const s = new StoreScheduler([every], ctx('w1'), { concurrency: 1 });
    await s.start();
    await s.start(); // a second process starting does not add a second schedule
    await s.stop();
    expect(await store.db.selectFrom('jobs').select('id').execute()).toEqual([{ id: 'recurring:every' }]);
    const t = new StoreScheduler([every], ctx('w1'), { concurrency: 1 });
    clock.advance(60_000);
    await tick(t);
    expect(calls).toEqual(['every']);
    expect((await job()).run_at).toBe('2026-11-23T02:02:00.000Z');
  });
});
