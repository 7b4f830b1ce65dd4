// The console's channel routes on a real store: a WeCom corp connected over HTTP against the fake WeCom
// server shows in the accounts list with its callback path and nothing secret, its credentials are
// checked against WeCom; robots of every kind are listed (a Wechaty robot with its login status); and a
// test message finds the auto-reply rule that would answer it.
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestApp, seedWorkspace } from '../../test/support/app.js';
import { FakeWecom } from '../../test/support/fake-wecom.js';
import { openTestStore, storeKinds, type TestStore } from '../../test/support/stores.js';
import { createScript } from '../content/scripts/create-script.js';
import { wecomClientTuning } from './wecom/wecom-connection.js';

const KEY = randomBytes(32).toString('hex');
Object.assign(wecomClientTuning, { retryBaseMs: 1, timeoutMs: 500 });

describe.each(storeKinds())('channel accounts and checks on $title', ({ name, skip }) => {
  let store: TestStore;
  let fake: FakeWecom;
  afterEach(async () => {
    await fake?.stop();
    await store?.close();
  });

  it.skipIf(skip)('lists WeCom corps and robots, checks WeCom, tests auto-reply rules', async () => {
    store = await openTestStore(name);
    const t = createTestApp(store, { env: { GUIMI_SECRET_KEY: KEY } });
    fake = await new FakeWecom(() => t.clock.now().getTime()).start();
    const { ws, tokens } = await seedWorkspace(store, 'ch1');
    const base = '/api/v1/workspaces/ch1';
    const owner = tokens.owner;

    const added = await call(t.app, 'POST', `${base}/channels/wecom`, owner, {
      corpId: fake.corpId,
      secret: fake.secret,
      token: fake.token,
      aesKey: fake.aesKey,
      agentId: 1000002,
      apiBase: fake.url,
    });
    expect(added.status).toBe(201);
    const { callbackPath } = (await added.json()) as { callbackPath: string };
    fake.staff.add('zhangsan');
    const robot = await call(t.app, 'POST', `${base}/simulator/accounts`, tokens.operator, {
      name: '小助手',
    });
    expect(robot.status).toBe(201);
    const bot = await call(t.app, 'POST', `${base}/channels/wechaty`, tokens.operator, {
      name: '小美的微信',
      puppet: 'wechaty-puppet-mock',
    });
    expect(bot.status).toBe(201);

    const listed = await call(t.app, 'GET', `${base}/channels/accounts`, tokens.analyst);
    expect(listed.status).toBe(200);
    const text = await listed.text();
    for (const secret of [fake.secret, fake.token, fake.aesKey]) expect(text).not.toContain(secret);
    const body = JSON.parse(text) as {
      wecom: { corpId: string; agentId: number; apiBase: string; callbackPath: string; staff: number }[];
      accounts: {
        kind: string;
        name: string;
        puppet: string | null;
        hasToken: boolean;
        status: string | null;
      }[];
    };
    expect(body.wecom).toEqual([
      expect.objectContaining({
        corpId: fake.corpId,
        agentId: 1000002,
        apiBase: fake.url,
        callbackPath,
        staff: 0,
      }),
    ]);
    expect(body.accounts.map((a) => [a.kind, a.name, a.puppet, a.hasToken, a.status])).toEqual([
      ['simulator', '小助手', null, false, null],
      ['wechaty', '小美的微信', 'wechaty-puppet-mock', false, 'logged_out'],
    ]);

    // The check only for the owner (it uses the credentials): what works, line by line.
    expect((await call(t.app, 'POST', `${base}/channels/wecom/check`, tokens.operator)).status).toBe(403);
    const check = await call(t.app, 'POST', `${base}/channels/wecom/check`, owner);
    expect(check.status).toBe(200);
    expect(await check.json()).toEqual({
      ok: true,
      checks: [
        { check: 'gettoken', ok: true, detail: `access token for corp ${fake.corpId}` },
        { check: 'get_follow_user_list', ok: true, detail: '1 staff members with customer contact' },
        { check: 'list', ok: true, detail: '0 customers of zhangsan' },
      ],
    });
    fake.fail('gettoken', '45009', 10);
    const failing = (await (await call(t.app, 'POST', `${base}/channels/wecom/check`, owner)).json()) as {
      ok: boolean;
      checks: { check: string; ok: boolean }[];
    };
    expect(failing.ok).toBe(false);
    expect(failing.checks.map((c) => [c.check, c.ok])).toEqual([['gettoken', false]]);

    const now = t.clock.now();
    const script = await createScript(
      store.db,
      ws.id,
      { name: '价格表', purpose: 'after_sales', body: '价格表发你啦' },
      { actor: 't', now },
    );
    const rule = await call(t.app, 'POST', `${base}/auto-replies`, tokens.operator, {
      name: '问价格',
      match: 'contains',
      pattern: '多少钱',
      scriptId: script.script.id,
    });
    expect(rule.status).toBe(201);
    const hit = await call(t.app, 'POST', `${base}/auto-replies/test`, tokens.analyst, {
      text: '这个多少钱？',
    });
    expect(await hit.json()).toMatchObject({
      rule: { name: '问价格' },
      script: { name: '价格表', body: '价格表发你啦' },
    });
    const miss = await call(t.app, 'POST', `${base}/auto-replies/test`, tokens.analyst, { text: '你好' });
    expect(await miss.json()).toEqual({ rule: null, script: null });
  });
});
