// Starting a manual flow by hand over the API: the enrol path's audience and re-entry rules apply, a key
// makes a start idempotent (a repeated or concurrent double click enrolls no one twice and plans no touch
// twice), and flows that are not manual or not active refuse to start.
import { afterEach, describe, expect, it } from 'vitest';
import { flowTouches, flowWorkspace } from '../../../test/support/flow-fixtures.js';
import { call, createTestApp } from '../../../test/support/app.js';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.js';

describe.each(storeKinds())('starting a manual flow on $title', ({ name, skip }) => {
  let store: TestStore;
  afterEach(async () => store?.close());

  it.skipIf(skip)('enrolls through the enrol path, idempotent on the key', async () => {
    store = await openTestStore(name);
    const w = await flowWorkspace(store, 'fs1', 4);
    const { app } = createTestApp(store);
    const op = w.tokens.operator;
    const base = '/api/v1/workspaces/fs1';
    const tagged = await call(app, 'POST', `${base}/tags/bulk`, op, {
      tags: ['vip'],
      externalIds: ['c1', 'c2', 'c3'],
    });
    expect(tagged.status).toBe(200);
    const create = async (def: Record<string, unknown>) =>
      ((await (await call(app, 'POST', `${base}/flows`, op, def)).json()) as { flow: { id: string } }).flow
        .id;
    const vip = await create({
      name: '会员专享',
      status: 'active',
      trigger: { type: 'manual' },
      audience: 'tag:vip',
      steps: [
        { id: 'hi', type: 'send', text: '会员日快乐' },
        { id: 'later', type: 'send', at: 'day 1 +0 min', text: '别忘了领券' },
      ],
    });
    const welcome = await create({
      name: '欢迎',
      status: 'active',
      trigger: { type: 'friend_added' },
      steps: [{ id: 'hi', type: 'send', text: '欢迎' }],
    });
    const start = (id: string, body: Record<string, unknown>, as = op) =>
      call(app, 'POST', `${base}/flows/${id}/start`, as, body);
    const touchesOf = async (flowId: string) =>
      (await flowTouches(store, w.ws.id)).filter((t) => t.flow_id === flowId);

    expect((await start(vip, { key: 'k1' }, w.tokens.analyst)).status).toBe(403);
    const notManual = await start(welcome, {});
    expect(notManual.status).toBe(409);
    expect((await notManual.json()).error.details).toMatchObject({ trigger: 'friend_added' });
    expect((await start(vip, { audience: 'tag:vip', externalIds: ['c1'] })).status).toBe(400);
    expect((await start('flw_missing', {})).status).toBe(404);

    // c4 is outside the flow's audience; "nope" is no contact.
    const first = await start(vip, { key: 'k1', externalIds: ['c1', 'c4', 'nope'] });
    expect(first.status).toBe(200);
    const k1 = { key: 'k1', matched: 2, enrolled: 1, skipped: 1, touches: 1, unknown: 1 };
    expect(await first.json()).toMatchObject({ ...k1, already: 0, unknownExamples: ['nope'] });
    const again = await (await start(vip, { key: 'k1', externalIds: ['c1', 'c4', 'nope'] })).json();
    expect(again).toMatchObject({ ...k1, enrolled: 0, already: 1, touches: 0 });
    expect(await touchesOf(vip)).toHaveLength(1);

    // The flow's own audience (c1-c3): c1 already had its run and the flow's re-entry rule is "never".
    const whole = await (await start(vip, { key: 'k2' })).json();
    expect(whole).toMatchObject({ matched: 3, enrolled: 2, skipped: 1, already: 0, touches: 2 });
    const byId = await (
      await start(vip, { key: 'k3', contactIds: [w.contacts.get('c2')!, w.contacts.get('c4')!] })
    ).json();
    expect(byId).toMatchObject({ matched: 2, enrolled: 0, skipped: 2 });
    const touched = await touchesOf(vip);
    expect(touched.map((t) => t.contact_id).sort()).toEqual(
      ['c1', 'c2', 'c3'].map((c) => w.contacts.get(c)!).sort(),
    );
    const runs = await (await call(app, 'GET', `${base}/flows/${vip}/runs`, w.tokens.analyst)).json();
    expect(runs.counts).toEqual({ active: 3 });

    // A broadcast flow (no audience) gets one run; a concurrent double click still plans one touch.
    const post = await create({
      name: '群公告',
      status: 'paused',
      trigger: { type: 'manual' },
      reentry: 'always',
      steps: [{ id: 'notice', type: 'group', group: w.groupId, text: '今晚八点开播' }],
    });
    expect((await start(post, { key: 'p1' })).status).toBe(409);
    await call(app, 'POST', `${base}/flows/${post}/activate`, op);
    const both = await Promise.all([start(post, { key: 'p1' }), start(post, { key: 'p1' })]);
    const results = await Promise.all(both.map((r) => r.json()));
    expect(results.map((r) => r.matched)).toEqual([1, 1]);
    expect(await touchesOf(post)).toHaveLength(1);
    expect((await touchesOf(post))[0]).toMatchObject({ kind: 'group', group_id: w.groupId });
    // Without a key each start is a new one; re-entry "always" lets the ended broadcast run go again.
    const next = await (await start(post, {})).json();
    expect(next).toMatchObject({ matched: 1, enrolled: 1, touches: 1 });
    expect(next.key).not.toBe('p1');
    expect(await touchesOf(post)).toHaveLength(2);
  });
});
