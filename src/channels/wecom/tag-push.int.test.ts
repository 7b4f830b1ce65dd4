// Guimi tags pushed to WeCom's corp tags, end to end against the fake WeCom server: tags created,
// renamed and deleted in Guimi and put on or taken off a customer are recorded with the change and
// pushed by the `wecom.tags` job (add_corp_tag, edit_corp_tag, del_corp_tag, mark_tag), through a lost
// answer (the tag is adopted, not added twice) and a 45009 burst longer than the client waits out.
// What WeCom tells us (change_external_tag, a customer's tags) is taken in and not pushed back.
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createTag } from '../../audience/tags/create-tag.js';
import { deleteTag } from '../../audience/tags/delete-tag.js';
import { tagContact } from '../../audience/tags/tag-contact.js';
import { updateTag } from '../../audience/tags/update-tag.js';
import { createTestApp, seedWorkspace, type TestApp } from '../../../test/support/app.js';
import { FakeWecom } from '../../../test/support/fake-wecom.js';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.js';
import { addWecomChannel } from './add-wecom-channel.js';
import { processWecomInbox } from './process-wecom-inbox.js';
import { syncWecomTags } from './sync-wecom-tags.js';
import { wecomClientTuning, workspaceConnection } from './wecom-connection.js';
import { wecomJobs } from './wecom-jobs.js';

const KEY = randomBytes(32).toString('hex');
Object.assign(wecomClientTuning, { retryBaseMs: 1, timeoutMs: 500 });

describe.each(storeKinds())('Guimi tags pushed to WeCom on $title', ({ name, skip }) => {
  let store: TestStore;
  let fake: FakeWecom;
  afterEach(async () => {
    await fake?.stop();
    await store?.close();
  });

  async function setUp() {
    store = await openTestStore(name);
    const t = createTestApp(store, { env: { GUIMI_SECRET_KEY: KEY } });
    fake = await new FakeWecom(() => t.clock.now().getTime()).start();
    const { ws } = await seedWorkspace(store, 'tp1');
    const env = { store, clock: t.clock, logger: t.deps.logger, config: t.deps.config };
    const conn = await addWecomChannel(
      env,
      ws.id,
      { corpId: fake.corpId, secret: fake.secret, token: fake.token, aesKey: fake.aesKey, apiBase: fake.url },
      { actor: 'test' },
    );
    // The corp already has a tag; a fan adds staff member zhangsan.
    fake.tagGroups.push({
      group_id: 'grpLevel',
      group_name: '客户等级',
      tag: [{ id: 'etVip', name: 'VIP' }],
    });
    await callback(t, conn.callbackPath, {
      ToUserName: fake.corpId,
      MsgType: 'event',
      Event: 'change_external_tag',
      ChangeType: 'create',
      TagType: 'tag',
      Id: 'etVip',
      CreateTime: String(Math.floor(t.clock.now().getTime() / 1000)),
    });
    await callback(t, conn.callbackPath, fake.scan('zhangsan', 'wmFan1', '小红'));
    expect(await processWecomInbox(env)).toMatchObject({ done: 2 });
    const contact = await store.db
      .selectFrom('contacts')
      .select('id')
      .where('wecom_external_userid', '=', 'wmFan1')
      .executeTakeFirstOrThrow();
    const [job] = wecomJobs().filter((j) => j.name === 'wecom.tags');
    const runJob = () =>
      job!.handler(
        {},
        {
          store,
          clock: t.clock,
          logger: t.deps.logger,
          config: t.deps.config,
          workerId: 'w1',
          signal: new AbortController().signal,
          redis: null,
        },
      );
    return { t, ws, env, contactId: Number(contact.id), runJob };
  }

  async function callback(t: TestApp, path: string, fields: Record<string, string>) {
    const cb = fake.callback(fields);
    const res = await t.app.request(`${path}?${cb.query}`, { method: 'POST', body: cb.body });
    expect(res.status).toBe(200);
  }

  const pending = () => store.db.selectFrom('wecom_tag_changes').selectAll().orderBy('seq').execute();
  const follow = () => fake.customers.get('wmFan1')!.follow.find((f) => f.userid === 'zhangsan')!;
  const corpTag = (name: string) => fake.tagGroups.flatMap((g) => g.tag).filter((x) => x.name === name);

  it.skipIf(skip)('creates, marks, renames, unmarks and deletes; retries without doubling', async () => {
    const { t, ws, contactId, runJob } = await setUp();
    // Pulled from WeCom: mapped, and nothing to push back.
    expect(await pending()).toEqual([]);
    expect(fake.callsTo('add_corp_tag')).toHaveLength(0);

    const tag = await createTag(store.db, ws.id, { name: '宝妈' }, t.clock.now());
    await tagContact(
      store.db,
      ws.id,
      contactId,
      { add: ['宝妈', 'VIP'] },
      { addedBy: 'test', now: t.clock.now() },
    );
    expect((await pending()).map((r) => [r.op, r.action])).toEqual([
      ['create', null],
      ['mark', 'add'],
      ['mark', 'add'],
    ]);

    // add_corp_tag lands but its answer is lost; mark_tag meets a 45009 burst longer than the client waits.
    fake.fail('add_corp_tag', 'lost_answer');
    fake.fail('mark_tag', '45009', 7);
    await runJob();
    expect(corpTag('宝妈')).toHaveLength(1);
    // The create waits for a retry, the VIP mark too, and the 宝妈 mark for its tag (no attempt spent).
    const why = (e: string | null) => (e === null ? null : /outcome unknown|45009/.exec(e)?.[0]);
    expect((await pending()).map((r) => [r.op, r.attempts, why(r.last_error)]).sort()).toEqual([
      ['create', 1, 'outcome unknown'],
      ['mark', 0, null],
      ['mark', 1, '45009'],
    ]);

    t.clock.advance(60_000);
    await runJob();
    expect(await pending()).toEqual([]);
    expect(fake.callsTo('add_corp_tag')).toHaveLength(1); // adopted on the retry, not added again
    expect(corpTag('宝妈')).toHaveLength(1);
    const babyMom = corpTag('宝妈')[0]!.id;
    expect(fake.tagGroups.find((g) => g.tag.some((x) => x.id === babyMom))!.group_name).toBe('Guimi');
    expect(follow().tag_id.sort()).toEqual([babyMom, 'etVip'].sort());
    // Both tags in one mark_tag call once the burst passed.
    expect(fake.callsTo('mark_tag').at(-1)!.body).toMatchObject({
      userid: 'zhangsan',
      external_userid: 'wmFan1',
    });
    expect([...(fake.callsTo('mark_tag').at(-1)!.body.add_tag as string[])].sort()).toEqual(
      [babyMom, 'etVip'].sort(),
    );

    await updateTag(store.db, ws.id, tag.id, { name: '新手宝妈' }, t.clock.now());
    await tagContact(
      store.db,
      ws.id,
      contactId,
      { remove: ['VIP'] },
      { addedBy: 'test', now: t.clock.now() },
    );
    await runJob();
    expect(fake.callsTo('edit_corp_tag').map((c) => c.body)).toEqual([{ id: babyMom, name: '新手宝妈' }]);
    expect(fake.callsTo('mark_tag').at(-1)!.body).toMatchObject({ remove_tag: ['etVip'] });
    expect(follow().tag_id).toEqual([babyMom]);

    await deleteTag(store.db, ws.id, tag.id, { actor: 'test', now: t.clock.now() });
    await runJob();
    expect(fake.callsTo('del_corp_tag').map((c) => c.body)).toEqual([{ tag_id: [babyMom] }]);
    expect(corpTag('新手宝妈')).toHaveLength(0);
    expect(await pending()).toEqual([]);
  });

  it.skipIf(skip)('does not echo what WeCom changed back to WeCom', async () => {
    const { t, ws, env, contactId, runJob } = await setUp();
    const calls = () => fake.calls.filter((c) => /(add|edit|del)_corp_tag|mark_tag/.test(c.path)).length;
    // WeCom renames its tag and a staff member tags the customer in WeCom.
    fake.tagGroups[0]!.tag[0]!.name = 'SVIP';
    follow().tag_id.push('etVip');
    await callback(t, await connPath(), {
      ToUserName: fake.corpId,
      MsgType: 'event',
      Event: 'change_external_tag',
      ChangeType: 'update',
      TagType: 'tag',
      Id: 'etVip',
    });
    await callback(t, await connPath(), {
      ToUserName: fake.corpId,
      MsgType: 'event',
      Event: 'change_external_contact',
      ChangeType: 'edit_external_contact',
      UserID: 'zhangsan',
      ExternalUserID: 'wmFan1',
    });
    expect(await processWecomInbox(env)).toMatchObject({ done: 2 });
    const tags = await store.db
      .selectFrom('contact_tags as ct')
      .innerJoin('tags as tg', 'tg.id', 'ct.tag_id')
      .select('tg.name')
      .where('ct.contact_id', '=', contactId)
      .execute();
    expect(tags.map((x) => x.name)).toEqual(['SVIP']); // the Guimi tag followed the rename
    expect((await pending()).filter((r) => r.op === 'mark')).toEqual([]);
    await runJob();
    expect(calls()).toBe(0);
    expect(await pending()).toEqual([]);
    // A tag made in Guimi afterwards is pushed, once.
    await createTag(store.db, ws.id, { name: '复购' }, t.clock.now());
    await runJob();
    await runJob();
    expect(corpTag('复购')).toHaveLength(1);

    // Tags Guimi had before the corp was connected are pushed by the full sync (guimi channels sync), once.
    await createTag(store.db, ws.id, { name: '老客' }, t.clock.now());
    await store.db.deleteFrom('wecom_tag_changes').execute();
    const conn = await workspaceConnection(env, ws.id);
    expect(await syncWecomTags(env, conn, { push: true })).toMatchObject({ pushed: 1 });
    expect(await syncWecomTags(env, conn, { push: true })).toMatchObject({ pushed: 0 });
    expect(corpTag('老客')).toHaveLength(1);
    expect(await pending()).toEqual([]);
  });

  async function connPath() {
    const r = await store.db
      .selectFrom('wecom_connections')
      .select('callback_path')
      .executeTakeFirstOrThrow();
    return r.callback_path;
  }
});
