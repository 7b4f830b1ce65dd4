// End to end against the fake WeCom server: connect with the CLI, a fan scans a contact way, the signed
// callback is stored and processed (contact, attribution, welcome inside the window), then an active
// flow's mass send is created, confirmed by staff on the fake and recorded as sent.
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { advanceFlows } from '../../automation/flows/advance-flows.js';
import { saveFlow } from '../../automation/flows/save-flow.js';
import { dispatchDeps } from '../../automation/dispatch/dispatch-deps.js';
import { dispatchDue } from '../../automation/dispatch/dispatch-due.js';
import { pollConfirmations } from '../../automation/dispatch/poll-confirmations.js';
import { runCli } from '../../cli/main.js';
import { createKoc } from '../../koc/roster/create-koc.js';
import { createTestApp, seedWorkspace } from '../../../test/support/app.js';
import { FakeWecom } from '../../../test/support/fake-wecom.js';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.js';
import { createWecomContactWay } from './contact-way.js';
import { processWecomInbox } from './process-wecom-inbox.js';
import { wecomClientTuning, workspaceConnection } from './wecom-connection.js';
import './wecom-jobs.js';

const KEY = randomBytes(32).toString('hex');
Object.assign(wecomClientTuning, { retryBaseMs: 1, timeoutMs: 500 });

describe.each(storeKinds())('WeCom channel on $title', ({ name, skip }) => {
  let store: TestStore;
  let fake: FakeWecom;
  afterEach(async () => {
    await fake?.stop();
    await store?.close();
  });

  it.skipIf(skip)('scan → callback → contact, attribution, welcome → flow mass send confirmed', async () => {
    store = await openTestStore(name);
    const t = createTestApp(store, { env: { GUIMI_SECRET_KEY: KEY } });
    fake = await new FakeWecom(() => t.clock.now().getTime()).start();
    const { ws } = await seedWorkspace(store, 'wc1');
    const out: string[] = [];
    const io = { out: (s: string) => void out.push(s), err: () => undefined, interactive: false };
    const argv = [
      'channels',
      'add',
      'wecom',
      '--workspace',
      'wc1',
      '--corp-id',
      fake.corpId,
      '--secret',
      fake.secret,
    ];
    argv.push('--token', fake.token, '--aes-key', fake.aesKey, '--api-base', fake.url, '--json');
    expect(await runCli(argv, { env: { ...store.env, GUIMI_SECRET_KEY: KEY }, io })).toBe(0);
    const added = JSON.parse(out.join('')) as { id: string; callbackPath: string };
    expect(added.callbackPath).toMatch(/^\/wecom\/callback\//);
    const sealed = await store.db.selectFrom('wecom_connections').selectAll().executeTakeFirstOrThrow();
    for (const secret of [fake.secret, fake.token, fake.aesKey])
      expect(JSON.stringify(sealed)).not.toContain(secret);

    const env = { store, clock: t.clock, logger: t.deps.logger, config: t.deps.config };
    const now = t.clock.now();
    const koc = await createKoc(
      store.db,
      ws.id,
      { kind: 'user', name: '小美' },
      { actor: 'test', now, seesPii: true },
    );
    const conn = await workspaceConnection(env, ws.id);
    const way = await createWecomContactWay(env, conn, {
      userids: ['zhangsan'],
      meta: { kocId: koc.id, scene: 'coupon' },
      welcomeText: '欢迎来到小美的福利群',
    });
    expect(fake.callsTo('add_contact_way')[0]!.body.state).toBe(way.state);
    await saveFlow(
      store.db,
      ws.id,
      {
        name: 'hello',
        status: 'active',
        trigger: { type: 'friend_added' },
        steps: [{ id: 'hi', type: 'send', text: '你好 {{contact.name}}' }],
      },
      { actor: 'test', now },
    );
    await advanceFlows(store, now); // starts the flow's event cursor

    // A token that WeCom expires early is refreshed once; a burst of 45009 is waited out.
    fake.fail('externalcontact/get', 'expired_token');
    fake.fail('externalcontact/get', '45009', 2);
    const cb = fake.callback(fake.scan('zhangsan', 'wmFan1', '小红', way.state));
    const res = await t.app.request(`${added.callbackPath}?${cb.query}`, {
      method: 'POST',
      body: cb.body,
      headers: { 'content-type': 'text/xml' },
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('success');
    expect(await processWecomInbox(env)).toMatchObject({ claimed: 1, done: 1 });

    const contact = await store.db
      .selectFrom('contacts')
      .selectAll()
      .where('wecom_external_userid', '=', 'wmFan1')
      .executeTakeFirstOrThrow();
    expect(contact).toMatchObject({ name: '小红', gender: 'female', owner_koc_id: koc.id });
    const reach = await store.db
      .selectFrom('channel_contacts')
      .selectAll()
      .where('contact_id', '=', contact.id)
      .execute();
    expect(reach).toHaveLength(1);
    const events = await store.db
      .selectFrom('events')
      .select(['type', 'props'])
      .where('contact_id', '=', contact.id)
      .execute();
    expect(events.map((e) => e.type)).toEqual(['add_friend']);

    const deps = dispatchDeps({
      store,
      clock: t.clock,
      logger: t.deps.logger,
      workerId: 'w1',
      redis: null,
      config: t.deps.config,
    } as never);
    await dispatchDue(deps);
    expect(fake.welcomes.map((w) => w.text)).toEqual(['欢迎来到小美的福利群']); // the fake refuses expired codes
    const welcome = await store.db
      .selectFrom('touches')
      .selectAll()
      .where('kind', '=', 'welcome')
      .executeTakeFirstOrThrow();
    expect(welcome.state).toBe('sent');

    await advanceFlows(store, t.clock.now());
    await dispatchDue(deps);
    const mass = await store.db
      .selectFrom('touches')
      .selectAll()
      .where('flow_id', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(mass.state).toBe('awaiting_confirmation');
    const [template] = fake.callsTo('add_msg_template');
    expect(template!.body).toMatchObject({
      chat_type: 'single',
      external_userid: ['wmFan1'],
      sender: 'zhangsan',
      text: { content: '你好 小红' },
    });
    t.clock.advance(deps.confirmationPollMs);
    await pollConfirmations(deps);
    expect(
      (
        await store.db
          .selectFrom('touches')
          .select('state')
          .where('id', '=', mass.id)
          .executeTakeFirstOrThrow()
      ).state,
    ).toBe('awaiting_confirmation');
    fake.confirm(mass.channel_ref!);
    t.clock.advance(deps.confirmationPollMs);
    await pollConfirmations(deps);
    expect(
      (
        await store.db
          .selectFrom('touches')
          .select('state')
          .where('id', '=', mass.id)
          .executeTakeFirstOrThrow()
      ).state,
    ).toBe('sent');
  });
});
