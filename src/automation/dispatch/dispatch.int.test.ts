import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.js';
import { seedWorkspace } from '../../../test/support/app.js';
import { VirtualClock } from '../../platform/clock.js';
import { createLogger } from '../../platform/log.js';
import { seedSimAudience } from '../../channels/simulator/seed-sim-audience.js';
import type { SimulatorChannel } from '../../channels/simulator/simulator-channel.js';
import { channelFor } from '../../channels/registry.js';
import { defaultGuardrailSettings, type GuardrailSettings } from '../guardrails/guardrail-settings.js';
import { updateGuardrailSettings } from '../guardrails/update-guardrail-settings.js';
import { dispatchDeps, type DispatchOptions } from './dispatch-deps.js';
import { dispatchRound } from './dispatch-jobs.js';
import { planTouches, type PlannedTouch } from './plan-touches.js';

// 10:00 in Shanghai: outside quiet hours.
const DAY = '2026-11-23T02:00:00Z';

describe.each(storeKinds())('dispatch on $title', ({ name, skip }) => {
  let store: TestStore;
  let clock: VirtualClock;
  let ws: string;
  beforeEach(async () => {
    if (skip) return;
    store = await openTestStore(name);
    clock = new VirtualClock(DAY);
    ws = (await seedWorkspace(store, 'dsp')).ws.id;
  });
  afterEach(async () => {
    if (!skip) await store.close();
  });

  const setup = async (
    fans: number,
    guard: Partial<GuardrailSettings> = {},
    personal = false,
    failureRate = 0,
  ) => {
    await updateGuardrailSettings(
      store.db,
      ws,
      { ...defaultGuardrailSettings, ...guard },
      { actor: 't', now: clock.now() },
    );
    const aud = await seedSimAudience(store, ws, {
      fans,
      accounts: [
        {
          name: 'robot',
          personal,
          settings: {
            seed: 7,
            failureRate,
            fans: { read: 0, click: 0, share: 0, reply: 0, optOut: 0, leaveGroup: 0 },
          },
        },
      ],
      now: clock.now(),
    });
    return aud;
  };
  const touch = (
    accountId: string,
    contactId: number | null,
    key: string,
    extra: Partial<PlannedTouch> = {},
  ): PlannedTouch => ({
    workspaceId: ws,
    idempotencyKey: key,
    flowId: 'flow1',
    flowRunId: null,
    stepId: null,
    kind: 'direct',
    accountId,
    contactId,
    groupId: null,
    scriptId: null,
    content: { text: `hello ${key}`, attachments: [] },
    promotion: false,
    marketing: true,
    dueAt: clock.now(),
    ...extra,
  });
  const deps = (o: Partial<DispatchOptions> = {}) =>
    dispatchDeps({ store, clock, logger: createLogger('silent'), workerId: 'w1', redis: null }, o);
  const run = async (o: Partial<DispatchOptions> = {}) => {
    const r = await dispatchRound(deps(o));
    await (
      channelFor({ store, clock, logger: createLogger('silent') }, 'simulator') as SimulatorChannel
    ).settle();
    return r;
  };
  const states = async () =>
    store.db
      .selectFrom('touches')
      .select(['idempotency_key', 'state', 'held_reason', 'held_until', 'last_error', 'attempts', 'due_at'])
      .orderBy('idempotency_key')
      .execute();
  const simCount = async (key?: string) => {
    let q = store.db
      .selectFrom('sim_messages')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('direction', '=', 'out');
    if (key) q = q.where('idempotency_key', '=', key);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };

  it.skipIf(skip)('plans idempotently, sends each touch once and records a message event', async () => {
    const { accountIds, contactIds } = await setup(3);
    const planned = contactIds.map((c) => touch(accountIds[0]!, c, `k${c}`));
    expect(await planTouches(store.db, planned, clock.now())).toEqual({ planned: 3, existing: 0 });
    expect(await planTouches(store.db, planned, clock.now())).toEqual({ planned: 0, existing: 3 });
    const r = await run();
    expect(r.dispatched).toMatchObject({ claimed: 3, sent: 3 });
    expect((await states()).map((s) => s.state)).toEqual(['sent', 'sent', 'sent']);
    expect(await simCount()).toBe(3);
    expect((await run()).dispatched.claimed).toBe(0);
    const events = await store.db
      .selectFrom('events')
      .select(['type', 'props'])
      .where('type', '=', 'message')
      .execute();
    expect(events).toHaveLength(3);
    expect(JSON.parse(events[0]!.props)).toMatchObject({ direction: 'out', flowId: 'flow1' });
  });

  it.skipIf(skip)('holds a touch during quiet hours until they end, then sends it', async () => {
    const { accountIds, contactIds } = await setup(1);
    clock.set('2026-11-23T15:30:00Z'); // 23:30 in Shanghai
    await planTouches(store.db, [touch(accountIds[0]!, contactIds[0]!, 'q')], clock.now());
    expect((await run()).dispatched.held).toBe(1);
    const [s] = await states();
    expect(s).toMatchObject({ state: 'held', held_until: '2026-11-24T00:00:00.000Z' });
    expect(s!.held_reason).toMatch(/^quiet_hours: 22:00–08:00 Asia\/Shanghai/);
    expect((await run()).dispatched.claimed).toBe(0);
    clock.set('2026-11-24T00:00:00Z');
    expect((await run()).dispatched.sent).toBe(1);
  });

  it.skipIf(skip)('caps touches per contact per day and per month', async () => {
    const { accountIds, contactIds } = await setup(1, {
      contactCaps: { perDay: 1, perMonth: 2 },
      quietHours: { enabled: false, start: '22:00', end: '08:00' },
    });
    const [a, c] = [accountIds[0]!, contactIds[0]!];
    await planTouches(store.db, [touch(a, c, 'c1'), touch(a, c, 'c2')], clock.now());
    expect((await run()).dispatched).toMatchObject({ sent: 1, held: 1 });
    const held = (await states()).find((s) => s.state === 'held')!;
    expect(held.held_reason).toBe('contact_cap_day: 1 per day');
    expect(held.held_until).toBe('2026-11-23T16:00:00.000Z'); // local midnight
    clock.set('2026-11-23T16:00:00Z');
    await planTouches(store.db, [touch(a, c, 'c3')], clock.now());
    expect((await run()).dispatched).toMatchObject({ sent: 1, held: 1 });
    const month = (await states()).find((s) => s.state === 'held')!;
    expect(month.held_reason).toBe('contact_cap_month: 2 per month');
    expect(month.held_until).toBe('2026-11-30T16:00:00.000Z');
  });

  it.skipIf(skip)(
    'paces a personal account per minute, holding the rest to the next minute with jitter',
    async () => {
      const pacing = {
        enterprise: { perMinute: 50, perHour: 500 },
        personal: { perMinute: 2, perHour: 100 },
        jitterMs: 5000,
      };
      const { accountIds, contactIds } = await setup(4, { accountPacing: pacing }, true);
      await planTouches(
        store.db,
        contactIds.map((c) => touch(accountIds[0]!, c, `p${c}`)),
        clock.now(),
      );
      expect((await run()).dispatched).toMatchObject({ sent: 2, held: 2 });
      for (const h of (await states()).filter((s) => s.state === 'held')) {
        expect(h.held_reason).toBe('account_pacing_minute: 2 per minute');
        const until = Date.parse(h.held_until!);
        expect(until).toBeGreaterThanOrEqual(Date.parse('2026-11-23T02:01:00Z'));
        expect(until).toBeLessThanOrEqual(Date.parse('2026-11-23T02:01:05Z'));
      }
    },
  );

  it.skipIf(skip)('cancels marketing touches to suppressed or opted-out contacts only', async () => {
    const { accountIds, contactIds } = await setup(3);
    const [a, c1, c2, c3] = [accountIds[0]!, contactIds[0]!, contactIds[1]!, contactIds[2]!];
    await store.db
      .insertInto('suppressions')
      .values({ workspace_id: ws, contact_id: c1, reason: 'complaint', created_by: 't', created_at: DAY })
      .execute();
    await store.db
      .insertInto('opt_outs')
      .values({ workspace_id: ws, contact_id: c2, word: 'TD', at: DAY })
      .execute();
    await planTouches(
      store.db,
      [touch(a, c1, 's1'), touch(a, c2, 's2'), touch(a, c2, 's3', { marketing: false }), touch(a, c3, 's4')],
      clock.now(),
    );
    await run();
    const s = await states();
    expect(s.map((x) => x.state)).toEqual(['cancelled', 'cancelled', 'sent', 'sent']);
    expect(s[0]!.last_error).toBe('suppressed: complaint');
    expect(s[1]!.last_error).toMatch(/^opt_out: replied "TD"/);
  });

  it.skipIf(skip)(
    'retries transient failures with growing backoff and gives up after max attempts',
    async () => {
      const { accountIds, contactIds } = await setup(1, {}, false, 1);
      await planTouches(store.db, [touch(accountIds[0]!, contactIds[0]!, 'r')], clock.now());
      const delays: number[] = [];
      for (let i = 0; i < 3; i++) {
        await run({ maxAttempts: 3, retryBaseMs: 1000 });
        const [s] = await states();
        if (s!.state === 'dead') break;
        expect(s).toMatchObject({ state: 'failed', attempts: i + 1, last_error: 'simulated network error' });
        delays.push(Date.parse(s!.due_at) - clock.now().getTime());
        clock.set(s!.due_at);
      }
      expect(delays[1]!).toBeGreaterThan(delays[0]!);
      const [s] = await states();
      expect(s).toMatchObject({ state: 'dead', attempts: 3 });
      expect(s!.last_error).toBe('gave up after 3 attempts: simulated network error');
      expect(await simCount()).toBe(0);
    },
  );
});
