// Contacts over HTTP on a real store: CRUD, search, PII masking by role, merge and erasure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, seedWorkspace, type TestApp } from '../../../test/support/app.js';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.js';
import { audienceIndexFor } from '../index/audience-index.js';

describe.each(storeKinds())('contacts on $title', ({ name, skip }) => {
  let store: TestStore;
  let t: TestApp;
  let seed: Awaited<ReturnType<typeof seedWorkspace>>;
  const url = (p = '') => `/api/v1/workspaces/${seed.ws.slug}/contacts${p}`;
  const post = (path: string, body: unknown, as = seed.tokens.operator) =>
    call(t.app, 'POST', path, as, body);

  beforeAll(async () => {
    if (skip) return;
    store = await openTestStore(name);
    t = createTestApp(store);
    seed = await seedWorkspace(store, 'glow');
  });
  afterAll(async () => {
    if (store) await audienceIndexFor(store).close();
    await store?.close();
  });

  it.skipIf(skip)(`creates, reads, updates and searches contacts (${skip ?? 'runs'})`, async () => {
    const created = await post(url(), {
      externalId: 'u-1',
      name: '李小红',
      phone: '138 1234 5678',
      wechatId: 'wx_li',
      gender: 'female',
      city: '上海',
      birthYear: 1992,
      attrs: { level: 3, vip: true },
    });
    expect(created.status).toBe(201);
    const c = await created.json();
    expect(c).toMatchObject({
      externalId: 'u-1',
      phone: '+8613812345678',
      wechatId: 'wx_li',
      attrs: { level: 3, vip: true },
    });
    expect((await post(url(), { externalId: 'u-1' })).status).toBe(409);
    expect((await post(url(), { externalId: 'u-x', phone: '12345' })).status).toBe(400);
    await post(url(), { externalId: 'u-2', name: 'Wang', city: '北京', phone: '+8613900001111' });
    await post(url(), { externalId: 'u-3', name: 'Zhao', city: '上海' });

    const patched = await call(t.app, 'PATCH', url(`/${c.id}`), seed.tokens.operator, {
      city: '杭州',
      attrs: { vip: null, plan: 'gold' },
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({
      city: '杭州',
      name: '李小红',
      attrs: { level: 3, plan: 'gold' },
    });

    const search = async (q: string, as = seed.tokens.operator) =>
      (
        (await (await call(t.app, 'GET', url(`?q=${encodeURIComponent(q)}`), as)).json()) as {
          items: { externalId: string }[];
        }
      ).items.map((x) => x.externalId);
    expect(await search('wang')).toEqual(['u-2']);
    expect(await search('上海')).toEqual(['u-3']);
    expect(await search('u-')).toEqual(['u-3', 'u-2', 'u-1']);
    expect(await search('13900001111')).toEqual(['u-2']);
    // A masked role cannot look people up by phone number.
    expect(await search('13900001111', seed.tokens.analyst)).toEqual([]);

    const page1 = await (await call(t.app, 'GET', url('?limit=2'), seed.tokens.operator)).json();
    expect(page1.items).toHaveLength(2);
    const page2 = await (
      await call(t.app, 'GET', url(`?limit=2&cursor=${page1.nextCursor}`), seed.tokens.operator)
    ).json();
    expect(page2.items.map((x: { externalId: string }) => x.externalId)).toEqual(['u-1']);
    expect(page2.nextCursor).toBeNull();
  });

  it.skipIf(skip)('masks phone and WeChat ids for roles that may not see PII', async () => {
    const [c] = (await (await call(t.app, 'GET', url('?q=u-1'), seed.tokens.operator)).json()).items;
    const analyst = await (await call(t.app, 'GET', url(`/${c.id}`), seed.tokens.analyst)).json();
    expect(analyst.contact.phone).toBe('+86 138****5678');
    expect(analyst.contact.wechatId).toBeNull();
    expect(JSON.stringify(analyst)).not.toContain('13812345678');
    const operator = await (await call(t.app, 'GET', url(`/${c.id}`), seed.tokens.operator)).json();
    expect(operator.contact).toMatchObject({ phone: '+8613812345678', wechatId: 'wx_li' });
    expect((await call(t.app, 'POST', url(), seed.tokens.analyst, { externalId: 'nope' })).status).toBe(403);
  });

  it.skipIf(skip)('filters by tag and pages the events timeline', async () => {
    const [c] = (await (await call(t.app, 'GET', url('?q=u-2'), seed.tokens.operator)).json()).items;
    await post(url(`/${c.id}/tags`), { add: ['宝妈'] });
    const tagged = await (
      await call(t.app, 'GET', url(`?tag=${encodeURIComponent('宝妈')}`), seed.tokens.operator)
    ).json();
    expect(tagged.items.map((x: { externalId: string }) => x.externalId)).toEqual(['u-2']);
    const events = Array.from({ length: 5 }, (_, i) => ({
      id: `t-${i}`,
      contact: 'u-2',
      type: 'read',
      at: Date.UTC(2026, 10, 1 + i),
    }));
    expect((await post(`/api/v1/workspaces/${seed.ws.slug}/events`, { events })).status).toBe(200);
    const first = await (
      await call(t.app, 'GET', url(`/${c.id}?eventsLimit=3`), seed.tokens.operator)
    ).json();
    expect(first.tags.map((x: { name: string }) => x.name)).toEqual(['宝妈']);
    expect(first.events.items.map((e: { id: string }) => e.id)).toEqual(['t-4', 't-3', 't-2']);
    const rest = await (
      await call(
        t.app,
        'GET',
        url(`/${c.id}?eventsLimit=3&eventsCursor=${first.events.nextCursor}`),
        seed.tokens.operator,
      )
    ).json();
    expect(rest.events.items.map((e: { id: string }) => e.id)).toEqual(['t-1', 't-0']);
    expect(rest.events.nextCursor).toBeNull();
  });

  it.skipIf(skip)(
    'merges a duplicate: tags, events and missing fields move to the kept contact',
    async () => {
      const keep = await (await post(url(), { externalId: 'm-keep', name: 'Keep' })).json();
      const dup = await (
        await post(url(), { externalId: 'm-dup', name: 'Dup', phone: '13700000000', city: '成都' })
      ).json();
      await post(url(`/${dup.id}/tags`), { add: ['重复'] });
      await post(`/api/v1/workspaces/${seed.ws.slug}/events`, {
        events: [{ id: 'm-e1', contact: 'm-dup', type: 'like', at: Date.UTC(2026, 10, 20) }],
      });
      const merged = await post(url(`/${keep.id}/merge`), { duplicateId: dup.id });
      expect(merged.status).toBe(200);
      expect(await merged.json()).toMatchObject({
        contact: { name: 'Keep', city: '成都', phone: '+8613700000000' },
        moved: { tags: 1, events: 1 },
      });
      const detail = await (await call(t.app, 'GET', url(`/${keep.id}`), seed.tokens.operator)).json();
      expect(detail.tags.map((x: { name: string }) => x.name)).toEqual(['重复']);
      expect(detail.events.items.map((e: { id: string }) => e.id)).toEqual(['m-e1']);
      expect(
        (await (await call(t.app, 'GET', url(`/${dup.id}`), seed.tokens.operator)).json()).contact.mergedInto,
      ).toBe(keep.id);
      expect(
        (await call(t.app, 'PATCH', url(`/${dup.id}`), seed.tokens.operator, { name: 'x' })).status,
      ).toBe(409);
      // Events sent with the duplicate's id reach the kept contact.
      await post(`/api/v1/workspaces/${seed.ws.slug}/events`, {
        events: [{ id: 'm-e2', contact: 'm-dup', type: 'like', at: Date.UTC(2026, 10, 21) }],
      });
      const after = await (await call(t.app, 'GET', url(`/${keep.id}`), seed.tokens.operator)).json();
      expect(after.events.items).toHaveLength(2);
      const idx = audienceIndexFor(store);
      expect(await idx.count(seed.ws.id, 'tag:重复', { at: t.clock.now() })).toBe(1);
      const changes = await store.db
        .selectFrom('audience_changes')
        .select('contact_id')
        .where('contact_id', 'in', [keep.id, dup.id])
        .execute();
      expect(new Set(changes.map((r) => r.contact_id))).toEqual(new Set([keep.id, dup.id]));
    },
  );

  it.skipIf(skip)('erases a person everywhere and keeps only a record without PII', async () => {
    const idx = audienceIndexFor(store);
    const p = await (
      await post(url(), { externalId: 'erase-me', name: '张三', phone: '13611112222', city: '深圳' })
    ).json();
    await post(url(`/${p.id}/tags`), { add: ['待删'] });
    await post(`/api/v1/workspaces/${seed.ws.slug}/events`, {
      events: [{ id: 'x-1', contact: 'erase-me', type: 'order', at: Date.UTC(2026, 10, 22) }],
    });
    const at = t.clock.now();
    expect(await idx.count(seed.ws.id, 'tag:待删', { at })).toBe(1);
    expect(await idx.count(seed.ws.id, 'city = 深圳', { at })).toBe(1);
    expect(await idx.count(seed.ws.id, 'did order within 30d', { at })).toBe(1);

    const res = await post(url(`/${p.id}/erase`), {});
    expect(res.status).toBe(200);
    const erasure = await res.json();
    expect(erasure.removed).toEqual({ contacts: 1, tags: 1, events: 1 });
    expect(erasure.subjectHash).toMatch(/^[0-9a-f]{64}$/);

    const row = await store.db
      .selectFrom('contacts')
      .selectAll()
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: null, phone: null, city: null, attrs: '{}' });
    expect(row.erased_at).not.toBeNull();
    expect(
      await store.db.selectFrom('contact_tags').selectAll().where('contact_id', '=', p.id).execute(),
    ).toEqual([]);
    expect(await store.db.selectFrom('events').selectAll().where('contact_id', '=', p.id).execute()).toEqual(
      [],
    );
    expect((await call(t.app, 'GET', url(`/${p.id}`), seed.tokens.operator)).status).toBe(404);
    expect(await idx.count(seed.ws.id, 'tag:待删', { at })).toBe(0);
    expect(await idx.count(seed.ws.id, 'city = 深圳', { at })).toBe(0);
    expect(await idx.count(seed.ws.id, 'did order within 30d', { at })).toBe(0);

    const kept = JSON.stringify([
      await store.db.selectFrom('erasures').selectAll().execute(),
      await store.db.selectFrom('audit_log').selectAll().where('action', '=', 'contact.erase').execute(),
      await store.db.selectFrom('contacts').selectAll().where('id', '=', p.id).execute(),
    ]);
    for (const pii of ['erase-me', '张三', '13611112222', '深圳']) expect(kept).not.toContain(pii);
    expect(kept).toContain(erasure.subjectHash);
    const feed = await store.db
      .selectFrom('audience_changes')
      .select('kind')
      .where('contact_id', '=', p.id)
      .execute();
    expect(feed.map((r) => r.kind)).toContain('erase');
    // Events for the erased external id are refused from now on.
    const late = await (
      await post(`/api/v1/workspaces/${seed.ws.slug}/events`, {
        events: [{ id: 'x-2', contact: 'erase-me', type: 'order', at: Date.UTC(2026, 10, 22) }],
      })
    ).json();
    expect(late).toMatchObject({ ingested: 0, failed: 1 });
  });
});
