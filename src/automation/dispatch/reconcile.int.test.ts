import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.js';
import { call, createTestApp, seedWorkspace } from '../../../test/support/app.js';
import { ingestEvents } from '../../audience/events/ingest-events.js';
import { seedSimAudience } from '../../channels/simulator/seed-sim-audience.js';
import { VirtualClock } from '../../platform/clock.js';
import { createLogger } from '../../platform/log.js';
import { listenForOptOuts } from '../guardrails/record-opt-outs.js';
import { dispatchDeps } from './dispatch-deps.js';
import { dispatchRound } from './dispatch-jobs.js';
import { planTouches, type PlannedTouch } from './plan-touches.js';

const silent = { read: 0, click: 0, share: 0, reply: 0, optOut: 0, leaveGroup: 0 };

describe.each(storeKinds())('reconcile, promotion mix and opt-out on $title', ({ name, skip }) => {
  let store: TestStore;
  let clock: VirtualClock;
  let ws: { id: string; slug: string };
  let tokens: Record<string, string>;
  beforeEach(async () => {
    if (skip) return;
    store = await openTestStore(name);
    clock = new VirtualClock('2026-11-23T02:00:00Z');
    ({ ws, tokens } = await seedWorkspace(store, 'rec'));
  });
  afterEach(async () => {
    if (!skip) await store.close();
  });
  const deps = () =>
    dispatchDeps(
      { store, clock, logger: createLogger('silent'), workerId: 'w2', redis: null },
      { leaseMs: 10_000 },
    );
  const touch = (
    accountId: string,
    contactId: number | null,
    key: string,
    extra: Partial<PlannedTouch> = {},
  ): PlannedTouch => ({
    workspaceId: ws.id,
    idempotencyKey: key,
    flowId: null,
    flowRunId: null,
    stepId: null,
    kind: 'direct',
    accountId,
    contactId,
    groupId: null,
    scriptId: null,
    content: { text: key, attachments: [] },
    promotion: false,
    marketing: true,
    dueAt: clock.now(),
    ...extra,
  });
  const state = async (key: string) =>
    store.db.selectFrom('touches').selectAll().where('idempotency_key', '=', key).executeTakeFirstOrThrow();
  const sims = async (key: string) =>
    Number(
      (
        await sql<{
          n: number;
        }>`select count(*) as n from sim_messages where idempotency_key = ${key}`.execute(store.db)
      ).rows[0]!.n,
    );

  it.skipIf(skip)(
    'reconciles touches of a dead worker: delivered → sent, never received → planned and sent once',
    async () => {
      const { accountIds, contactIds } = await seedSimAudience(store, ws.id, {
        fans: 2,
        accounts: [{ name: 'r', settings: { fans: silent } }],
        now: clock.now(),
      });
      const [a, c1, c2] = [accountIds[0]!, contactIds[0]!, contactIds[1]!];
      await planTouches(store.db, [touch(a, c1, 'got'), touch(a, c2, 'lost')], clock.now());
      // A worker claimed both, delivered 'got' to the simulator and died before recording anything.
      const lease = new Date(clock.now().getTime() + 10_000).toISOString();
      await store.db
        .updateTable('touches')
        .set({ state: 'sending', lease_owner: 'dead', lease_until: lease })
        .execute();
      const got = await state('got');
      await store.db
        .insertInto('sim_messages')
        .values({
          workspace_id: ws.id,
          account_id: a,
          direction: 'out',
          kind: 'direct',
          idempotency_key: 'got',
          touch_id: got.id,
          contact_id: c1,
          group_id: null,
          text: 'got',
          at: clock.now().toISOString(),
        })
        .execute();
      expect((await dispatchRound(deps())).reconcile.reconciled).toBe(0); // lease still running
      clock.advance(11_000);
      const r = await dispatchRound(deps());
      expect(r.reconcile).toMatchObject({ reconciled: 2, sent: 1, replanned: 1 });
      await dispatchRound(deps());
      expect(await state('got')).toMatchObject({ state: 'sent' });
      expect(await state('lost')).toMatchObject({ state: 'sent' });
      expect([await sims('got'), await sims('lost')]).toEqual([1, 1]);
    },
  );

  it.skipIf(skip)(
    'holds a promotion that would make a group mostly promotion, saying until when',
    async () => {
      const { accountIds, contactIds } = await seedSimAudience(store, ws.id, {
        fans: 3,
        accounts: [{ name: 'r', settings: { fans: silent } }],
        now: clock.now(),
      });
      const created = await call(
        createTestApp(store, { clock }).app,
        'POST',
        `/api/v1/workspaces/rec/simulator/accounts/${accountIds[0]}/groups`,
        tokens.operator!,
        { name: '福利群', contactIds },
      );
      expect(created.status).toBe(201);
      const group = ((await created.json()) as { id: string }).id;
      const g = (key: string, promotion: boolean) =>
        touch(accountIds[0]!, null, key, { kind: 'group', groupId: group, promotion });
      await planTouches(store.db, [g('p1', true), g('n1', false), g('p2', true)], clock.now());
      await dispatchRound(deps());
      expect((await state('n1')).state).toBe('sent');
      const promos = [await state('p1'), await state('p2')];
      expect(promos.map((p) => p.state).sort()).toEqual(['held', 'sent']);
      const held = promos.find((p) => p.state === 'held')!;
      expect(held.held_reason).toMatch(/^promotion_mix: 1\/2 promotions in this group in 7 days/);
      expect(held.held_until).toBe('2026-11-30T02:00:00.000Z');
    },
  );

  it.skipIf(skip)(
    'a fan replying "TD" opts out of marketing touches; the operator sees it in the log',
    async () => {
      const stop = listenForOptOuts(store.db, createLogger('silent'));
      try {
        const { accountIds, contactIds } = await seedSimAudience(store, ws.id, {
          fans: 1,
          accounts: [{ name: 'r', settings: { fans: silent } }],
          now: clock.now(),
        });
        await ingestEvents(
          store.db,
          ws.id,
          [
            {
              line: 1,
              row: {
                id: 'e1',
                contactExternalId: 'fan-0',
                type: 'message',
                at: clock.now().getTime(),
                props: { direction: 'in', text: 'TD' },
              },
            },
          ],
          clock.now(),
          {
            onListenerError: (e) => {
              throw e;
            },
          },
        );
        await planTouches(
          store.db,
          [
            touch(accountIds[0]!, contactIds[0]!, 'm1'),
            touch(accountIds[0]!, contactIds[0]!, 's1', { marketing: false }),
          ],
          clock.now(),
        );
        await dispatchRound(deps());
        expect((await state('m1')).state).toBe('cancelled');
        expect((await state('s1')).state).toBe('sent');
        const res = await call(
          createTestApp(store, { clock }).app,
          'GET',
          '/api/v1/workspaces/rec/touches?state=cancelled',
          tokens.analyst!,
        );
        const body = (await res.json()) as { items: { idempotencyKey: string; lastError: string }[] };
        expect(body.items.map((i) => i.idempotencyKey)).toEqual(['m1']);
        expect(body.items[0]!.lastError).toMatch(/^opt_out: replied "TD"/);
        const act = await call(
          createTestApp(store, { clock }).app,
          'POST',
          `/api/v1/workspaces/rec/touches/${(await state('m1')).id}/actions`,
          tokens.operator!,
          { action: 'retry' },
        );
        expect(act.status).toBe(409);
      } finally {
        stop();
      }
    },
  );
});
