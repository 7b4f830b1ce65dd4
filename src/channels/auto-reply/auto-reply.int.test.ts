// Keyword auto-replies on a real store: rules through the HTTP API, fan messages in through the events
// ingestion use-case, replies planned as touches (highest-priority match, per-contact cool-down) and
// sent by the dispatcher.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestApp, seedWorkspace, type TestApp } from '../../../test/support/app.js';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.js';
import { dispatchDeps } from '../../automation/dispatch/dispatch-deps.js';
import { dispatchRound } from '../../automation/dispatch/dispatch-jobs.js';
import { createScript } from '../../content/scripts/create-script.js';
import { createLogger } from '../../platform/log.js';
import { emitContactEvents } from '../acquisition/emit-contact-events.js';
import { seedSimAudience } from '../simulator/seed-sim-audience.js';
import { startChannelRuntime } from '../wechaty/channel-runtime.js';

const NO_REACTIONS = { read: 0, click: 0, share: 0, reply: 0, optOut: 0, leaveGroup: 0 };

describe.each(storeKinds())('keyword auto-replies on $title', ({ name, skip }) => {
  let store: TestStore;
  let t: TestApp;
  let ws: string;
  let token: string;
  let stop: () => Promise<void>;
  beforeEach(async () => {
    if (skip) return;
    store = await openTestStore(name);
    t = createTestApp(store);
    const seeded = await seedWorkspace(store, 'ar');
    ws = seeded.ws.id;
    token = seeded.tokens.operator;
    stop = startChannelRuntime({ store, clock: t.clock, logger: createLogger('silent') });
  });
  afterEach(async () => {
    if (skip) return;
    await stop();
    await store.close();
  });

  it.skipIf(skip)('answers the best matching rule once per cool-down, through dispatch', async () => {
    const now = t.clock.now();
    const aud = await seedSimAudience(store, ws, {
      fans: 2,
      accounts: [{ name: 'robot', settings: { seed: 3, fans: NO_REACTIONS } }],
      now,
    });
    const accountId = aud.accountIds[0]!;
    const script = async (body: string) =>
      (await createScript(store.db, ws, { name: body, purpose: 'after_sales', body }, { actor: 't', now }))
        .script.id;
    const priceScript = await script('{{ contact.name | 亲 }}，价格表发你啦');
    const anyScript = await script('收到，稍后回复');
    const rules = '/api/v1/workspaces/ar/auto-replies';
    const bad = await call(t.app, 'POST', rules, token, {
      name: 'x',
      match: 'regex',
      pattern: '(a+)+$',
      scriptId: anyScript,
    });
    expect(bad.status).toBe(400);
    const low = await call(t.app, 'POST', rules, token, {
      name: 'any question',
      match: 'regex',
      pattern: '[?？]$',
      scriptId: anyScript,
      priority: 1,
    });
    expect(low.status).toBe(201);
    const high = await call(t.app, 'POST', rules, token, {
      name: 'price',
      accountId,
      match: 'contains',
      pattern: '价格',
      scriptId: priceScript,
      priority: 10,
      cooldownSeconds: 600,
    });
    expect(high.status).toBe(201);
    const listed = (await (await call(t.app, 'GET', rules, token)).json()) as { items: { name: string }[] };
    expect(listed.items.map((r) => r.name)).toEqual(['price', 'any question']);

    let n = 0;
    const say = async (contactId: number, text: string) =>
      emitContactEvents(
        store.db,
        createLogger('silent'),
        ws,
        [
          {
            id: `m${n++}`,
            contactId,
            type: 'message',
            at: t.clock.now().getTime(),
            accountId,
            props: { direction: 'in', text },
          },
        ],
        t.clock.now(),
      );
    const [a, b] = aud.contactIds as [number, number];
    await say(a, '这个价格多少？');
    await say(b, '今天发货吗？');
    await say(b, '你好');
    await say(a, '价格能便宜点吗？'); // cooling: no second price reply, nor a fall-through
    const touches = async () =>
      store.db
        .selectFrom('touches')
        .select(['contact_id', 'script_id', 'kind', 'marketing'])
        .orderBy('created_at')
        .orderBy('id')
        .execute();
    expect((await touches()).map((x) => [Number(x.contact_id), x.script_id])).toEqual([
      [a, priceScript],
      [b, anyScript],
    ]);

    const { name: nameOfA } = await store.db
      .selectFrom('contacts')
      .select('name')
      .where('id', '=', a)
      .executeTakeFirstOrThrow();
    await dispatchRound(
      dispatchDeps({ store, clock: t.clock, logger: createLogger('silent'), workerId: 'w', redis: null }),
    );
    const out = await store.db
      .selectFrom('sim_messages')
      .select(['contact_id', 'text'])
      .where('direction', '=', 'out')
      .execute();
    expect(out.map((m) => m.text).sort()).toEqual([`${nameOfA}，价格表发你啦`, '收到，稍后回复'].sort());

    t.clock.advance(11 * 60_000);
    await say(a, '价格？');
    expect(await touches()).toHaveLength(3);

    const ruleId = ((await high.json()) as { id: string }).id;
    const off = await call(t.app, 'PATCH', `${rules}/${ruleId}`, token, { enabled: false });
    expect(((await off.json()) as { enabled: boolean }).enabled).toBe(false);
    expect((await call(t.app, 'DELETE', `${rules}/${ruleId}`, token)).status).toBe(204);
    expect((await call(t.app, 'GET', `${rules}/${ruleId}`, token)).status).toBe(404);
  });
});
