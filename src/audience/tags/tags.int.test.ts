// Tag groups, tags with member counts, manual and bulk tagging (segment, JSON list, uploaded file).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, seedWorkspace, type TestApp } from '../../../test/support/app.js';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.js';
import { audienceIndexFor } from '../index/audience-index.js';

describe.each(storeKinds())('tags on $title', ({ name, skip }) => {
  let store: TestStore;
  let t: TestApp;
  let seed: Awaited<ReturnType<typeof seedWorkspace>>;
  const api = (p: string) => `/api/v1/workspaces/${seed.ws.slug}${p}`;
  const as = () => seed.tokens.operator;
  const tagCounts = async () =>
    Object.fromEntries(
      (
        (await (await call(t.app, 'GET', api('/tags'), as())).json()).items as {
          name: string;
          members: number;
        }[]
      ).map((x) => [x.name, x.members]),
    );

  beforeAll(async () => {
    if (skip) return;
    store = await openTestStore(name);
    t = createTestApp(store);
    seed = await seedWorkspace(store, 'tagbrand');
    for (let i = 1; i <= 6; i++) {
      const res = await call(t.app, 'POST', api('/contacts'), as(), {
        externalId: `f${i}`,
        city: i <= 3 ? '上海' : '北京',
      });
      expect(res.status).toBe(201);
    }
  });
  afterAll(async () => {
    if (store) await audienceIndexFor(store).close();
    await store?.close();
  });

  it.skipIf(skip)(`manages tag groups and tags (${skip ?? 'runs'})`, async () => {
    const group = await (await call(t.app, 'POST', api('/tag-groups'), as(), { name: '人群' })).json();
    expect((await call(t.app, 'POST', api('/tag-groups'), as(), { name: '人群' })).status).toBe(409);
    const tag = await call(t.app, 'POST', api('/tags'), as(), { name: '宝妈', groupId: group.id });
    expect(tag.status).toBe(201);
    const tagId = (await tag.json()).id;
    expect((await call(t.app, 'POST', api('/tags'), as(), { name: '宝妈' })).status).toBe(409);
    expect((await call(t.app, 'POST', api('/tags'), seed.tokens.analyst, { name: 'x' })).status).toBe(403);
    const groups = (await (await call(t.app, 'GET', api('/tag-groups'), seed.tokens.analyst)).json()).items;
    expect(groups).toEqual([expect.objectContaining({ name: '人群', tags: 1 })]);
    const renamed = await call(t.app, 'PATCH', api(`/tag-groups/${group.id}`), as(), { name: '人群画像' });
    expect((await renamed.json()).name).toBe('人群画像');
    const inGroup = (await (await call(t.app, 'GET', api(`/tags?groupId=${group.id}`), as())).json()).items;
    expect(inGroup.map((x: { id: string }) => x.id)).toEqual([tagId]);
    expect((await call(t.app, 'DELETE', api(`/tag-groups/${group.id}`), as())).status).toBe(204);
    expect((await (await call(t.app, 'GET', api('/tags'), as())).json()).items[0].groupId).toBeNull();
  });

  it.skipIf(skip)('tags one contact by hand, and renaming a tag moves its segment members', async () => {
    const [f1] = (await (await call(t.app, 'GET', api('/contacts?q=f1'), as())).json()).items;
    const res = await call(t.app, 'POST', api(`/contacts/${f1.id}/tags`), as(), { add: ['宝妈', '高活跃'] });
    expect(await res.json()).toEqual({ tags: ['宝妈', '高活跃'] });
    const off = await call(t.app, 'POST', api(`/contacts/${f1.id}/tags`), as(), { remove: ['高活跃'] });
    expect(await off.json()).toEqual({ tags: ['宝妈'] });
    expect(await tagCounts()).toMatchObject({ 宝妈: 1, 高活跃: 0 });
    const idx = audienceIndexFor(store);
    expect(await idx.count(seed.ws.id, 'tag:宝妈', { at: t.clock.now() })).toBe(1);
    const tags = (await (await call(t.app, 'GET', api('/tags'), as())).json()).items as {
      id: string;
      name: string;
    }[];
    const mom = tags.find((x) => x.name === '宝妈')!;
    await call(t.app, 'PATCH', api(`/tags/${mom.id}`), as(), { name: '新手妈妈' });
    expect(await idx.count(seed.ws.id, 'tag:宝妈', { at: t.clock.now() })).toBe(0);
    expect(await idx.count(seed.ws.id, 'tag:新手妈妈', { at: t.clock.now() })).toBe(1);
  });

  it.skipIf(skip)('bulk tags by segment, by JSON list and by uploaded file; removes in bulk', async () => {
    const bySegment = await call(t.app, 'POST', api('/tags/bulk'), as(), {
      tags: ['沪上'],
      segment: 'city = 上海',
    });
    expect(await bySegment.json()).toMatchObject({ matched: 3, changed: 3, unknown: 0 });
    const byList = await call(t.app, 'POST', api('/tags/bulk'), as(), {
      tags: ['活动A'],
      externalIds: ['f4', 'f5', 'ghost'],
    });
    expect(await byList.json()).toMatchObject({
      matched: 2,
      changed: 2,
      unknown: 1,
      unknownExamples: ['ghost'],
    });
    const upload = await t.app.request(api('/tags/bulk/upload?tags=活动A,私域&action=add'), {
      method: 'POST',
      headers: { authorization: `Bearer ${as()}`, 'content-type': 'text/csv' },
      body: 'external_id\nf5\nf6\n\n',
    });
    expect(upload.status).toBe(200);
    expect(await upload.json()).toMatchObject({ matched: 2, changed: 2 });
    expect(await tagCounts()).toMatchObject({ 沪上: 3, 活动A: 3, 私域: 2 });
    const removed = await call(t.app, 'POST', api('/tags/bulk'), as(), {
      tags: ['活动A'],
      action: 'remove',
      segment: 'tag:私域',
    });
    expect(await removed.json()).toMatchObject({ matched: 2, changed: 2 });
    expect(await tagCounts()).toMatchObject({ 活动A: 1 });
    expect(
      (await call(t.app, 'POST', api('/tags/bulk'), as(), { tags: ['x'], segment: 'city = (' })).status,
    ).toBe(400);
    const bad = await t.app.request(api('/tags/bulk/upload?tags=x'), {
      method: 'POST',
      headers: { authorization: `Bearer ${as()}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(bad.status).toBe(415);
  });

  it.skipIf(skip)('deleting a tag takes it off every contact and out of segments', async () => {
    const tags = (await (await call(t.app, 'GET', api('/tags'), as())).json()).items as {
      id: string;
      name: string;
    }[];
    const sh = tags.find((x) => x.name === '沪上')!;
    expect((await call(t.app, 'DELETE', api(`/tags/${sh.id}`), as())).status).toBe(204);
    expect(await audienceIndexFor(store).count(seed.ws.id, 'tag:沪上', { at: t.clock.now() })).toBe(0);
    expect(
      await store.db.selectFrom('contact_tags').selectAll().where('tag_id', '=', sh.id).execute(),
    ).toEqual([]);
    expect((await call(t.app, 'DELETE', api(`/tags/${sh.id}`), as())).status).toBe(404);
  });
});
