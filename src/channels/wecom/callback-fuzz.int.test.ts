// Forged, replayed and malformed callbacks are refused (400/401) and change nothing in the store.
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, seedWorkspace, type TestApp } from '../../../test/support/app.js';
import { FakeWecom } from '../../../test/support/fake-wecom.js';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.js';
import { addWecomChannel } from './add-wecom-channel.js';

const KEY = randomBytes(32).toString('hex');
const TABLES = ['wecom_inbox', 'wecom_nonces', 'contacts', 'events', 'touches', 'channel_accounts'] as const;

describe.each(storeKinds())('WeCom callback fuzz on $title', ({ name, skip }) => {
  let store: TestStore;
  let fake: FakeWecom;
  afterEach(async () => {
    await fake?.stop();
    await store?.close();
  });

  async function snapshot() {
    const counts: Record<string, number> = {};
    for (const t of TABLES) {
      const r = await store.db
        .selectFrom(t)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      counts[t] = Number(r.n);
    }
    return counts;
  }

  it.skipIf(skip)('refuses every bad callback and stores nothing', async () => {
    store = await openTestStore(name);
    const t: TestApp = createTestApp(store, { env: { GUIMI_SECRET_KEY: KEY } });
    fake = await new FakeWecom(() => t.clock.now().getTime()).start();
    const { ws } = await seedWorkspace(store, 'wf1');
    const env = { store, clock: t.clock, logger: t.deps.logger, config: t.deps.config };
    const { callbackPath } = await addWecomChannel(
      env,
      ws.id,
      { corpId: fake.corpId, secret: fake.secret, token: fake.token, aesKey: fake.aesKey, apiBase: fake.url },
      { actor: 'test' },
    );
    const post = (query: string, body: string) =>
      t.app.request(`${callbackPath}?${query}`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'text/xml' },
      });
    const event = () => fake.scan('lisi', `wm${randomBytes(4).toString('hex')}`, '阿花');

    // One genuine callback is accepted; replaying it exactly is refused.
    const good = fake.callback(event());
    expect((await post(good.query, good.body)).status).toBe(200);
    const before = await snapshot();
    expect(before.wecom_inbox).toBe(1);
    const refused = async (query: string, body: string) => {
      const res = await post(query, body);
      expect([400, 401]).toContain(res.status);
    };
    await refused(good.query, good.body);

    const nowS = Math.floor(t.clock.now().getTime() / 1000);
    const sig = (q: string) => new URLSearchParams(q).get('msg_signature')!;
    const forged = fake.callback(event());
    const flipped = sig(forged.query).replace(/^./, (c) => (c === '0' ? '1' : '0'));
    await refused(forged.query.replace(sig(forged.query), flipped), forged.body);
    const other = fake.callback(event(), { corpId: 'wwSomeoneElse' });
    await refused(other.query, other.body);
    const stale = fake.callback(event(), { timestamp: nowS - 301 });
    await refused(stale.query, stale.body);
    const truncated = fake.callback(
      {},
      { xml: '<xml><ToUserName><![CDATA[x]]></ToUserName><MsgType><![CDATA[ev' },
    );
    await refused(truncated.query, truncated.body);
    const notXml = fake.callback({}, { xml: 'hello' });
    await refused(notXml.query, notXml.body);
    await refused(good.query, good.body.slice(0, good.body.length - 20));
    await refused('', good.body);

    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 400 }),
        fc.constantFrom('query', 'signature', 'body'),
        async (bytes, keep) => {
          const real = fake.callback(event());
          const junk = Buffer.from(bytes).toString(keep === 'body' ? 'base64' : 'latin1');
          const body = keep === 'body' ? `<xml><Encrypt><![CDATA[${junk}]]></Encrypt></xml>` : junk;
          const query =
            keep === 'signature'
              ? `msg_signature=${randomBytes(20).toString('hex')}&timestamp=${nowS}&nonce=n${bytes.length}`
              : real.query;
          const res = await post(query, keep === 'signature' ? real.body : body);
          expect([400, 401]).toContain(res.status);
        },
      ),
      { numRuns: 60 },
    );
    const echo = await t.app.request(
      `${callbackPath}?msg_signature=${'0'.repeat(40)}&timestamp=${nowS}&nonce=x&echostr=abcd`,
    );
    expect([400, 401]).toContain(echo.status);
    expect(await snapshot()).toEqual(before);
  });
});
