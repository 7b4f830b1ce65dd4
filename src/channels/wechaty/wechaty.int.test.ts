// A Wechaty robot on wechaty-puppet-mock: its Mocker plays WeChat (contacts, rooms, messages). What the
// mock does not do is stubbed on the puppet and said so where it happens: friend requests (the mock has
// no friendship payloads: `friendshipRawPayload` / `friendshipAccept` are replaced) and moments (the
// mock's `postPublish` does nothing and returns no id: replaced, or removed to play a puppet without it).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PuppetMock } from 'wechaty-puppet-mock';
import { mock } from 'wechaty-puppet-mock';
import { types } from 'wechaty';
import { call, createTestApp, seedWorkspace, type TestApp } from '../../../test/support/app.js';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.js';
import { dispatchDeps } from '../../automation/dispatch/dispatch-deps.js';
import { dispatchRound } from '../../automation/dispatch/dispatch-jobs.js';
import { planTouches, type PlannedTouch } from '../../automation/dispatch/plan-touches.js';
import { createScript } from '../../content/scripts/create-script.js';
import { createLogger } from '../../platform/log.js';
import { createAcquisitionCode } from '../acquisition/create-code.js';
import { createWechatyAccount } from './create-wechaty-account.js';
import { wechatyRuntime, type WechatyRuntime } from './wechaty-runtime.js';
import './wechaty-channel.js';

/** Waits (by turns of the event loop, not by time) until the bot has handled what the mock emitted. */
async function settle(runtime: WechatyRuntime, done: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200 && !(await done()); i++) {
    await new Promise((r) => setTimeout(r, 5));
    await runtime.idle();
  }
}

describe.each(storeKinds().filter((k) => k.name === 'sqlite'))('Wechaty robot on $name', ({ name, skip }) => {
  let store: TestStore;
  let t: TestApp;
  let ws: string;
  let token: string;
  let accountId: string;
  let runtime: WechatyRuntime;
  let mocker: mock.Mocker;
  beforeEach(async () => {
    if (skip) return;
    store = await openTestStore(name);
    t = createTestApp(store);
    const seeded = await seedWorkspace(store, 'wx');
    ws = seeded.ws.id;
    token = seeded.tokens.operator;
    accountId = (
      await createWechatyAccount(
        store.db,
        ws,
        {
          name: '小美的微信',
          puppet: 'wechaty-puppet-mock',
          friendAccept: { mode: 'keyword', keywords: ['买'] },
        },
        { actor: 't', now: t.clock.now() },
      )
    ).id;
    runtime = wechatyRuntime({ store, clock: t.clock, logger: createLogger('silent') });
    mocker = new mock.Mocker();
  });
  afterEach(async () => {
    if (skip) return;
    await runtime.stopAll();
    await store.close();
  });

  const events = (type: string) =>
    store.db
      .selectFrom('events')
      .innerJoin('contacts', 'contacts.id', 'events.contact_id')
      .select(['contacts.external_id', 'events.props'])
      .where('type', '=', type)
      .execute();
  const path = (p: string) => `/api/v1/workspaces/wx/channels/wechaty/${accountId}${p}`;

  it.skipIf(skip)(
    'logs in by QR, hears a fan, sends a flow touch, accepts friends by rule, follows rooms',
    async () => {
      await runtime.start(accountId, { puppetOptions: { mocker } });
      const puppet = mocker.puppet as PuppetMock;
      mocker.scan('https://login.weixin.qq.com/l/mock', types.ScanStatus.Waiting);
      const scanning = (await (await call(t.app, 'GET', path('/status'), token)).json()) as {
        status: string;
      };
      expect(scanning.status).toBe('scanning');
      const qr = await call(t.app, 'GET', path('/qr?format=svg'), token);
      expect(qr.headers.get('content-type')).toBe('image/svg+xml');
      expect(await qr.text()).toContain('<svg');

      const robot = mocker.createContact({ name: '小美' });
      mocker.login(robot);
      await settle(runtime, async () => runtime.status(accountId).status === 'logged_in');
      expect((await (await call(t.app, 'GET', path('/status'), token)).json()) as object).toMatchObject({
        status: 'logged_in',
        qr: null,
      });

      // A fan says "hi": a `message` event for that fan's contact.
      const fan = mocker.createContact({ name: '阿花' });
      fan.say('hi').to(robot);
      await settle(runtime, async () => (await events('message')).length > 0);
      const [msg] = await events('message');
      expect(msg!.external_id).toBe(`wechaty:${fan.id}`);
      expect(JSON.parse(msg!.props)).toMatchObject({ direction: 'in', text: 'hi', accountId });

      // A flow touch reaches the fan through the dispatcher and the bot.
      const contact = await store.db
        .selectFrom('contacts')
        .select('id')
        .where('external_id', '=', `wechaty:${fan.id}`)
        .executeTakeFirstOrThrow();
      const touch = (key: string, extra: Partial<PlannedTouch>): PlannedTouch => ({
        workspaceId: ws,
        idempotencyKey: key,
        flowId: 'flow1',
        flowRunId: 'run1',
        stepId: 's1',
        kind: 'direct',
        accountId,
        contactId: Number(contact.id),
        groupId: null,
        scriptId: null,
        content: { text: '新品到了，给你留了一份', attachments: [] },
        promotion: false,
        marketing: true,
        dueAt: t.clock.now(),
        ...extra,
      });
      await planTouches(store.db, [touch('run1:s1:fan', {})], t.clock.now());
      const dispatch = () =>
        dispatchRound(
          dispatchDeps({ store, clock: t.clock, logger: createLogger('silent'), workerId: 'w', redis: null }),
        );
      await dispatch();
      const delivered = [...mocker.cacheMessagePayload.values()].filter(
        (m) => m.talkerId === robot.id && 'listenerId' in m && m.listenerId === fan.id,
      );
      expect(delivered.map((m) => m.text)).toEqual(['新品到了，给你留了一份']);
      const sent = await store.db.selectFrom('touches').select(['state', 'channel_ref']).execute();
      expect(sent).toEqual([{ state: 'sent', channel_ref: expect.stringMatching(/^wechaty:/) }]);

      // Friend requests. STUB: the mock has no friendship payloads nor accept; we give both.
      const script = await createScript(
        store.db,
        ws,
        { name: 'w', purpose: 'welcome', body: '欢迎！' },
        { actor: 't', now: t.clock.now() },
      );
      const code = await createAcquisitionCode(
        { store, clock: t.clock, logger: createLogger('silent') },
        ws,
        { name: '售前码', scene: 'pre_sales', accountIds: [accountId], greetingScriptId: script.script.id },
        't',
      );
      const stranger = mocker.createContact({ name: '小草' });
      const shy = mocker.createContact({ name: '路人' });
      const requests: Record<string, { contactId: string; hello: string }> = {
        fr1: { contactId: stranger.id, hello: `你好 ${code.token}` },
        fr2: { contactId: shy.id, hello: '你好' },
      };
      const accepted: string[] = [];
      Object.assign(puppet, {
        friendshipRawPayload: async (id: string) => ({
          id,
          ...requests[id],
          type: types.Friendship.Receive,
          timestamp: Date.now(),
        }),
        friendshipAccept: async (id: string) => void accepted.push(id),
      });
      puppet.emit('friendship', { friendshipId: 'fr1' });
      puppet.emit('friendship', { friendshipId: 'fr2' });
      await settle(runtime, async () => (await events('add_friend')).length > 0);
      await runtime.idle();
      expect(accepted).toEqual(['fr1']);
      const adds = await events('add_friend');
      expect(adds.map((a) => a.external_id)).toEqual([`wechaty:${stranger.id}`]);
      expect(JSON.parse(adds[0]!.props)).toMatchObject({ state: code.token });
      const fans = await store.db.selectFrom('acquisition_fans').select('code_id').execute();
      expect(fans).toEqual([{ code_id: code.id }]);
      const welcome = await store.db
        .selectFrom('touches')
        .select('content')
        .where('kind', '=', 'welcome')
        .execute();
      expect(welcome.map((w) => JSON.parse(w.content).text)).toEqual(['欢迎！']);

      // Room joins and leaves keep the channel group's members and report events.
      const room = mocker.createRoom({ topic: '福利群', memberIdList: [robot.id, fan.id] });
      room.add(stranger).by(fan);
      await settle(runtime, async () => (await events('join_group')).length > 0);
      const group = await store.db
        .selectFrom('channel_groups')
        .select(['id', 'name'])
        .where('account_id', '=', accountId)
        .executeTakeFirstOrThrow();
      expect(group.name).toBe('福利群');
      const members = () =>
        store.db
          .selectFrom('channel_group_members')
          .select('contact_id')
          .where('group_id', '=', group.id)
          .execute();
      expect(await members()).toHaveLength(1);
      room.remove(stranger).by(fan);
      await settle(runtime, async () => (await events('leave_group')).length > 0);
      expect(JSON.parse((await events('leave_group'))[0]!.props)).toMatchObject({ groupId: group.id });
      expect(await members()).toHaveLength(0);
    },
  );

  it.skipIf(skip)(
    'publishes moments where the puppet can, fails them permanently where it cannot',
    async () => {
      await runtime.start(accountId, { puppetOptions: { mocker } });
      mocker.login(mocker.createContact({ name: '小美' }));
      await settle(runtime, async () => runtime.status(accountId).status === 'logged_in');
      const puppet = mocker.puppet as unknown as Record<string, unknown>;
      // STUB: the mock's postPublish does nothing and returns no id; this one returns the post's id.
      const published: unknown[] = [];
      puppet.postPublish = async (payload: unknown) => {
        published.push(payload);
        return 'post-1';
      };
      const moment = (key: string): PlannedTouch => ({
        workspaceId: ws,
        idempotencyKey: key,
        flowId: null,
        flowRunId: null,
        stepId: null,
        kind: 'moment',
        accountId,
        contactId: null,
        groupId: null,
        scriptId: null,
        content: { text: '今日上新', attachments: [] },
        promotion: false,
        marketing: true,
        dueAt: t.clock.now(),
      });
      const dispatch = () =>
        dispatchRound(
          dispatchDeps({ store, clock: t.clock, logger: createLogger('silent'), workerId: 'w', redis: null }),
        );
      await planTouches(store.db, [moment('m1')], t.clock.now());
      await dispatch();
      // Plays a puppet without a post API (wechat4u, puppet-service): the method is absent.
      puppet.postPublish = undefined;
      await planTouches(store.db, [moment('m2')], t.clock.now());
      await dispatch();
      const rows = await store.db
        .selectFrom('touches')
        .select(['idempotency_key', 'state', 'channel_ref', 'last_error'])
        .orderBy('idempotency_key')
        .execute();
      expect(published).toHaveLength(1);
      expect(rows[0]).toMatchObject({ state: 'sent', channel_ref: 'post:post-1' });
      expect(rows[1]).toMatchObject({
        state: 'dead',
        last_error: expect.stringContaining('moments are unsupported by this puppet'),
      });
    },
  );
});
