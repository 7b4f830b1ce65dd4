// The roster over HTTP and CLI, fan attribution, status history, and the koc role: a member linked to a
// KOC sees only its own KOC, fans, tasks and figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, seedWorkspace, type TestApp } from '../../../test/support/app.js';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.js';
import { runCli } from '../../cli/main.js';
import { createContact } from '../../audience/contacts/create-contact.js';
import { attributeFans } from './attribute-fans.js';
import type { Clock } from '../../platform/clock.js';

async function cli(store: TestStore, argv: string[], clock: Clock) {
  let out = '';
  const code = await runCli(argv, {
    env: store.env,
    clock,
    io: { out: (t) => void (out += t), err: () => undefined, interactive: false },
  });
  return { code, out };
}

describe.each(storeKinds())('KOC roster on $title', ({ name, skip }) => {
  let store: TestStore;
  let t: TestApp;
  let s: Awaited<ReturnType<typeof seedWorkspace>>;
  const kocs: Record<string, string> = {};
  const fans: Record<string, number[]> = { a: [], b: [] };
  const base = '/api/v1/workspaces/brand';

  beforeAll(async () => {
    if (skip) return;
    store = await openTestStore(name);
    t = createTestApp(store);
    s = await seedWorkspace(store, 'brand');
    const now = new Date('2026-11-23T03:00:00Z');
    for (let i = 0; i < 6; i++) {
      const c = await createContact(
        store.db,
        s.ws.id,
        { externalId: `c${i}`, name: `Fan ${i}`, phone: `1380000000${i}`, city: '上海' },
        { viewer: { role: 'owner', kocId: null }, now },
      );
      (i < 4 ? fans.a! : fans.b!).push(c.id);
    }
  });
  afterAll(async () => store?.close());

  it.skipIf(skip)(
    'adds KOCs with social accounts, refuses duplicates and staff accounts for user KOCs',
    async () => {
      const add = (body: unknown) => call(t.app, 'POST', `${base}/kocs`, s.tokens.operator, body);
      const a = await add({
        kind: 'user',
        name: '小美',
        phone: '13911112222',
        category: 'beauty',
        city: '上海',
        socialAccounts: [
          {
            platform: 'xiaohongshu',
            handle: 'xiaomei',
            followers: 3200,
            avgReads: 900,
            avgLikes: 60,
            avgComments: 12,
          },
        ],
      });
      expect(a.status).toBe(201);
      const av = (await a.json()) as {
        id: string;
        followers: number;
        socialAccounts: { interactionRate: number }[];
      };
      expect(av.followers).toBe(3200);
      expect(av.socialAccounts[0]!.interactionRate).toBeCloseTo(72 / 900, 6);
      kocs.a = av.id;
      expect((await add({ kind: 'guide', name: 'dup', phone: '+8613911112222' })).status).toBe(409);
      const dupHandle = await add({
        kind: 'guide',
        name: 'dup',
        socialAccounts: [{ platform: 'xiaohongshu', handle: 'xiaomei', followers: 1 }],
      });
      expect(dupHandle.status).toBe(409);
      expect((await add({ kind: 'user', name: 'x', accountId: 'acc_1' })).status).toBe(400);
      expect(
        (
          await add({
            kind: 'user',
            name: 'x',
            socialAccounts: [{ platform: 'douyin', handle: 'h', followers: -1 }],
          })
        ).status,
      ).toBe(400);

      const b = await cli(
        store,
        [
          'koc',
          'add',
          '--workspace',
          'brand',
          '--kind',
          'employee',
          '--name',
          '店长阿杰',
          '--social',
          'douyin:ajie:15000:4000:300:50',
          '--json',
        ],
        t.clock,
      );
      expect(b.code).toBe(0);
      kocs.b = (JSON.parse(b.out) as { id: string }).id;
    },
  );

  it.skipIf(skip)('attributes fans, keeps status history, lists and searches', async () => {
    await attributeFans(store.db, s.ws.id, kocs.a!, fans.a!, new Date('2026-11-23T04:00:00Z'));
    const moved = await call(t.app, 'POST', `${base}/kocs/${kocs.b}/fans`, s.tokens.operator, {
      contactIds: fans.b,
    });
    expect(await moved.json()).toEqual({ attributed: 2 });
    expect(
      (await call(t.app, 'POST', `${base}/kocs/${kocs.b}/fans`, s.tokens.operator, { contactIds: [999999] }))
        .status,
    ).toBe(404);

    expect(
      (await call(t.app, 'POST', `${base}/kocs/${kocs.b}/status`, s.tokens.operator, { status: 'applicant' }))
        .status,
    ).toBe(409);
    await call(t.app, 'POST', `${base}/kocs/${kocs.b}/status`, s.tokens.operator, {
      status: 'paused',
      reason: '休假',
    });
    const detail = (await (await call(t.app, 'GET', `${base}/kocs/${kocs.b}`, s.tokens.analyst)).json()) as {
      koc: { fans: number; status: string };
      history: { from: string | null; to: string; reason: string | null }[];
    };
    expect(detail.koc).toMatchObject({ fans: 2, status: 'paused' });
    expect(detail.history.map((h) => [h.from, h.to, h.reason])).toEqual([
      ['active', 'paused', '休假'],
      [null, 'active', null],
    ]);

    const search = (await (await call(t.app, 'GET', `${base}/kocs?q=XIAOMEI`, s.tokens.analyst)).json()) as {
      items: { id: string; phone: string; fans: number }[];
    };
    expect(search.items.map((k) => k.id)).toEqual([kocs.a]);
    expect(search.items[0]!.phone).toBe('+86 139****2222');
    expect(search.items[0]!.fans).toBe(4);
    const listed = await cli(
      store,
      ['koc', 'list', '--workspace', 'brand', '--status', 'paused', '--json'],
      t.clock,
    );
    expect((JSON.parse(listed.out) as { items: { id: string }[] }).items.map((k) => k.id)).toEqual([kocs.b]);
  });

  it.skipIf(skip)('the koc role sees only its own KOC, fans, tasks and figures', async () => {
    const users = (await (await call(t.app, 'GET', `${base}/members`, s.tokens.owner)).json()) as {
      items: { userId: string; role: string }[];
    };
    const kocUser = users.items.find((u) => u.role === 'koc')!.userId;
    const link = (as: string, kocId: string | null) =>
      call(t.app, 'PUT', `${base}/members/${kocUser}/koc`, as, { kocId });
    expect((await link(s.tokens.operator, kocs.a!)).status).toBe(403); // owner only
    expect((await link(s.tokens.owner, kocs.a!)).status).toBe(200);
    const me = await login(t.app, s.users.koc);

    const roster = (await (await call(t.app, 'GET', `${base}/kocs`, me)).json()) as {
      items: { id: string }[];
    };
    expect(roster.items.map((k) => k.id)).toEqual([kocs.a]);
    expect((await call(t.app, 'GET', `${base}/kocs/${kocs.b}`, me)).status).toBe(404);

    const contacts = (await (await call(t.app, 'GET', `${base}/contacts`, me)).json()) as {
      items: { id: number; phone: string }[];
    };
    expect(contacts.items.map((c) => c.id).sort()).toEqual([...fans.a!].sort());
    expect((await call(t.app, 'GET', `${base}/contacts/${fans.b![0]}`, me)).status).toBe(404);
    const myFans = (await (await call(t.app, 'GET', `${base}/me/koc/fans`, me)).json()) as {
      items: { id: number; phone: string }[];
    };
    expect(myFans.items.map((c) => c.id).sort()).toEqual([...fans.a!].sort());
    expect(myFans.items[0]!.phone).toMatch(/\*\*\*\*/);

    const mine = (await (await call(t.app, 'GET', `${base}/me/koc`, me)).json()) as {
      koc: { id: string };
      figures: { fans: number };
    };
    expect(mine.koc.id).toBe(kocs.a);
    expect(mine.figures.fans).toBe(4);

    // A koc-role API token carries no KOC: it sees no one.
    expect(
      ((await (await call(t.app, 'GET', `${base}/kocs`, s.tokens.koc)).json()) as { items: unknown[] }).items,
    ).toEqual([]);
    expect((await call(t.app, 'GET', `${base}/me/koc`, s.tokens.koc)).status).toBe(404);
    expect(
      ((await (await call(t.app, 'GET', `${base}/contacts`, s.tokens.koc)).json()) as { items: unknown[] })
        .items,
    ).toEqual([]);
  });
});
