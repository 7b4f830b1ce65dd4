// The workspace's groups over the API: every kind of robot's groups by name with their account and
// member counts, filtered by account, a page at a time, and no other workspace's groups.
import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestApp } from '../../test/support/app.js';
import { flowWorkspace } from '../../test/support/flow-fixtures.js';
import { openTestStore, storeKinds, type TestStore } from '../../test/support/stores.js';

interface Group {
  id: string;
  name: string;
  accountId: string;
  accountName: string;
  kind: string;
  members: number;
}

describe.each(storeKinds())('channel groups on $title', ({ name, skip }) => {
  let store: TestStore;
  afterEach(async () => store?.close());

  it.skipIf(skip)('lists groups with member counts, by account, in pages', async () => {
    store = await openTestStore(name);
    // fixture: robot "Robot" with group 宠粉群 of the 4 contacts; another workspace has its own group.
    const w = await flowWorkspace(store, 'cg1', 4);
    await flowWorkspace(store, 'cg2', 2);
    const { app } = createTestApp(store);
    const base = '/api/v1/workspaces/cg1';
    const robot = await call(app, 'POST', `${base}/simulator/accounts`, w.tokens.operator, {
      name: '小助手',
    });
    const robotId = ((await robot.json()) as { id: string }).id;
    const ids = [...w.contacts.values()];
    for (const [groupName, members] of [
      ['A 新人群', ids.slice(0, 1)],
      ['B 老粉群', ids.slice(1, 3)],
      ['C 空群', []],
    ] as const) {
      const made = await call(
        app,
        'POST',
        `${base}/simulator/accounts/${robotId}/groups`,
        w.tokens.operator,
        {
          name: groupName,
          contactIds: members,
        },
      );
      expect(made.status).toBe(201);
    }

    const all = await call(app, 'GET', `${base}/channels/groups`, w.tokens.analyst);
    expect(all.status).toBe(200);
    const body = (await all.json()) as { items: Group[]; nextCursor: string | null };
    expect(body.nextCursor).toBeNull();
    expect(body.items.map((g) => [g.name, g.accountName, g.kind, g.members])).toEqual([
      ['A 新人群', '小助手', 'simulator', 1],
      ['B 老粉群', '小助手', 'simulator', 2],
      ['C 空群', '小助手', 'simulator', 0],
      ['宠粉群', 'Robot', 'simulator', 4],
    ]);
    expect(body.items[3]).toMatchObject({ id: w.groupId, accountId: w.accountId });

    const own = (await (
      await call(app, 'GET', `${base}/channels/groups?account=${w.accountId}`, w.tokens.analyst)
    ).json()) as { items: Group[] };
    expect(own.items.map((g) => g.id)).toEqual([w.groupId]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `&cursor=${cursor}` : '';
      const page = (await (
        await call(app, 'GET', `${base}/channels/groups?limit=3${q}`, w.tokens.analyst)
      ).json()) as { items: Group[]; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((g) => g.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(body.items.map((g) => g.name));
    const bad = await call(app, 'GET', `${base}/channels/groups?cursor=nonsense`, w.tokens.analyst);
    expect(bad.status).toBe(400);
  });
});
