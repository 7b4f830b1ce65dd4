// A member with the koc role counts, lists and exports only their own fans.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, seedWorkspace, type TestApp } from '../../../test/support/app.js';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.js';
import { audienceIndexFor } from '../index/audience-index.js';

describe.each(storeKinds())('segment reads for the koc role on $title', ({ name, skip }) => {
  let store: TestStore;
  let t: TestApp;
  let a: Awaited<ReturnType<typeof seedWorkspace>>;

  beforeAll(async () => {
    if (skip) return;
    store = await openTestStore(name);
    t = createTestApp(store);
    a = await seedWorkspace(store, 'scoped');
    const now = new Date().toISOString();
    const row = (id: string, owner: string) => ({
      workspace_id: a.ws.id,
      external_id: id,
      city: '上海',
      owner_koc_id: owner,
      attrs: '{}',
      created_at: now,
      updated_at: now,
    });
    await store.db
      .insertInto('contacts')
      .values([row('f1', 'koc_1'), row('f2', 'koc_1'), row('f3', 'koc_2')])
      .execute();
    await store.db
      .updateTable('memberships')
      .set({ koc_id: 'koc_1' })
      .where('workspace_id', '=', a.ws.id)
      .where('role', '=', 'koc')
      .execute();
  });
  afterAll(async () => {
    if (store) await audienceIndexFor(store).close();
    await store?.close();
  });

  it.skipIf(skip)(`narrows counts, members and exports (${skip ?? 'runs'})`, async () => {
    const owner = await login(t.app, a.users.owner);
    const koc = await login(t.app, a.users.koc);
    const count = async (s: typeof owner) =>
      (
        await (
          await call(t.app, 'POST', '/api/v1/workspaces/scoped/segments/count', s, {
            expression: 'city = 上海',
          })
        ).json()
      ).count;
    expect(await count(owner)).toBe(3);
    expect(await count(koc)).toBe(2);
    const saved = await call(t.app, 'POST', '/api/v1/workspaces/scoped/segments', owner, {
      name: 'sh',
      expression: 'city = 上海',
    });
    expect(saved.status).toBeLessThan(300);
    const members = await (
      await call(t.app, 'GET', '/api/v1/workspaces/scoped/segments/sh/members', koc)
    ).json();
    expect(members.items.map((m: { externalId: string }) => m.externalId).sort()).toEqual(['f1', 'f2']);
    const csv = await (await call(t.app, 'GET', '/api/v1/workspaces/scoped/segments/sh/export', koc)).text();
    expect(csv).toContain('f1');
    expect(csv).not.toContain('f3');
  });
});
