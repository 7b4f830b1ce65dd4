// Auto-tag rules: event rules firing as events arrive (N within D days, props), rules applied to the
// existing audience on creation, attribute rules on contact changes, enable/disable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, seedWorkspace, type TestApp } from '../../../test/support/app.js';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.js';

const DAY = 86_400_000;

describe.each(storeKinds())('tag rules on $title', ({ name, skip }) => {
  let store: TestStore;
  let t: TestApp;
  let seed: Awaited<ReturnType<typeof seedWorkspace>>;
  const api = (p: string) => `/api/v1/workspaces/${seed.ws.slug}${p}`;
  const post = (p: string, body: unknown) => call(t.app, 'POST', api(p), seed.tokens.operator, body);
  const now = () => t.clock.now().getTime();
  const tagsOf = async (externalId: string) => {
    const [c] = (
      await (await call(t.app, 'GET', api(`/contacts?q=${externalId}`), seed.tokens.operator)).json()
    ).items;
    const d = await (await call(t.app, 'GET', api(`/contacts/${c.id}`), seed.tokens.operator)).json();
    return (d.tags as { name: string }[]).map((x) => x.name);
  };
  const send = async (
    events: { id: string; contact: string; type: string; at: number; props?: object }[],
  ) => {
    const res = await post('/events', { events });
    expect(res.status).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    if (skip) return;
    store = await openTestStore(name);
    t = createTestApp(store);
    seed = await seedWorkspace(store, 'rules');
    for (const [id, city, level] of [
      ['r1', '上海', 3],
      ['r2', '上海', 1],
      ['r3', '北京', 5],
      ['r4', '上海', 4],
    ] as const) {
      expect((await post('/contacts', { externalId: id, city, attrs: { level } })).status).toBe(201);
    }
  });
  afterAll(async () => store?.close());

  it.skipIf(skip)(
    `fires an event rule at the Nth matching event within D days (${skip ?? 'runs'})`,
    async () => {
      const created = await post('/tag-rules', {
        trigger: 'event',
        name: '铁粉',
        eventType: 'read',
        props: { channel: 'wx' },
        minCount: 3,
        withinDays: 7,
        tag: '铁粉',
      });
      expect(created.status).toBe(201);
      expect((await created.json()).applied).toBe(0);
      const wx = { channel: 'wx' };
      await send([
        { id: 'a1', contact: 'r1', type: 'read', at: now() - 5 * DAY, props: wx },
        { id: 'a2', contact: 'r1', type: 'read', at: now() - 3 * DAY, props: wx },
        // Spread over 20 days: never 3 in one week.
        { id: 'b1', contact: 'r2', type: 'read', at: now() - 20 * DAY, props: wx },
        { id: 'b2', contact: 'r2', type: 'read', at: now() - 10 * DAY, props: wx },
        // Other props do not count.
        { id: 'c1', contact: 'r3', type: 'read', at: now() - 2 * DAY, props: { channel: 'app' } },
        { id: 'c2', contact: 'r3', type: 'read', at: now() - 1 * DAY, props: wx },
      ]);
      expect(await tagsOf('r1')).toEqual([]);
      await send([
        { id: 'a3', contact: 'r1', type: 'read', at: now() - DAY, props: wx },
        { id: 'b3', contact: 'r2', type: 'read', at: now() - DAY, props: wx },
        { id: 'c3', contact: 'r3', type: 'read', at: now() - 1000, props: { channel: 'app' } },
      ]);
      expect(await tagsOf('r1')).toEqual(['铁粉']);
      expect(await tagsOf('r2')).toEqual([]);
      expect(await tagsOf('r3')).toEqual([]);
      const row = await store.db.selectFrom('contact_tags').select('added_by').executeTakeFirstOrThrow();
      expect(row.added_by).toMatch(/^rule:rul_/);
    },
  );

  it.skipIf(skip)('applies a new rule to the existing audience, and only enabled rules fire', async () => {
    await send([
      { id: 'l1', contact: 'r2', type: 'like', at: now() - 2 * DAY },
      { id: 'l2', contact: 'r2', type: 'like', at: now() - DAY },
      { id: 'l3', contact: 'r4', type: 'like', at: now() - 40 * DAY },
      { id: 'l4', contact: 'r4', type: 'like', at: now() - DAY },
    ]);
    const res = await post('/tag-rules', {
      trigger: 'event',
      name: '爱点赞',
      eventType: 'like',
      minCount: 2,
      withinDays: 30,
      tag: '爱点赞',
    });
    const { rule, applied } = await res.json();
    expect(applied).toBe(1);
    expect(await tagsOf('r2')).toContain('爱点赞');
    expect(await tagsOf('r4')).not.toContain('爱点赞');

    expect((await post(`/tag-rules/${rule.id}/disable`, {})).status).toBe(200);
    await send([{ id: 'l5', contact: 'r4', type: 'like', at: now() - 1000 }]);
    expect(await tagsOf('r4')).not.toContain('爱点赞');
    const enabled = await (await post(`/tag-rules/${rule.id}/enable`, {})).json();
    expect(enabled).toMatchObject({ rule: { enabled: true }, applied: 1 });
    expect(await tagsOf('r4')).toContain('爱点赞');
  });

  it.skipIf(skip)(
    'runs attribute rules on creation and when contacts change; remove rules take tags off',
    async () => {
      const res = await post('/tag-rules', {
        trigger: 'attribute',
        name: '沪上高等级',
        condition: 'city = 上海 AND attr.level >= 3',
        tag: 'VIP沪',
      });
      expect((await res.json()).applied).toBe(2);
      expect(await tagsOf('r1')).toContain('VIP沪');
      expect(await tagsOf('r2')).not.toContain('VIP沪');
      const [r3] = (await (await call(t.app, 'GET', api('/contacts?q=r3'), seed.tokens.operator)).json())
        .items;
      await call(t.app, 'PATCH', api(`/contacts/${r3.id}`), seed.tokens.operator, { city: '上海' });
      expect(await tagsOf('r3')).toContain('VIP沪');
      await post('/tag-rules', {
        trigger: 'attribute',
        name: '流失',
        condition: 'attr.churned = true',
        action: 'remove',
        tag: 'VIP沪',
      });
      await call(t.app, 'PATCH', api(`/contacts/${r3.id}`), seed.tokens.operator, {
        attrs: { churned: true },
      });
      expect(await tagsOf('r3')).not.toContain('VIP沪');
      const bad = await post('/tag-rules', {
        trigger: 'attribute',
        name: 'x',
        condition: 'did read within 7d',
        tag: 'x',
      });
      expect(bad.status).toBe(400);
      const list = (await (await call(t.app, 'GET', api('/tag-rules'), seed.tokens.analyst)).json()).items;
      expect(list.map((r: { name: string }) => r.name)).toEqual(['铁粉', '爱点赞', '沪上高等级', '流失']);
      expect(
        (await call(t.app, 'DELETE', api(`/tag-rules/${list[3].id}`), seed.tokens.operator)).status,
      ).toBe(204);
      expect((await call(t.app, 'GET', api(`/tag-rules/${list[3].id}`), seed.tokens.operator)).status).toBe(
        404,
      );
    },
  );
});
