// The fan ladder on both stores: promotion by events within a window (as events arrive), tier_changed
// events, `tier:` segments right after a change, the funnel, demotion by inactivity, leader only by
// approval, and the bounded sweep's cursor across runs (CLI).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, call, seedWorkspace, type TestApp } from '../../../test/support/app.js';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.js';
import { ingestEvents } from '../../audience/events/ingest-events.js';
import { audienceIndexFor } from '../../audience/index/audience-index.js';
import { runCli } from '../../cli/main.js';
import { createLogger } from '../../platform/log.js';
import { addCommunityMembers } from '../communities/add-community-members.js';
import { createCommunity } from '../communities/create-community.js';
import { contactTier } from './contact-tier.js';
import { applyForLeaderTier } from './leader-applications.js';
import { listenForLadder } from './listen-for-ladder.js';
import { reviewLeaderApplication } from './review-leader-application.js';
import { sweepLadder } from './sweep-ladder.js';

const DAY = 86_400_000;

describe.each(storeKinds())('fan ladder on $title', ({ name, skip }) => {
  let store: TestStore;
  let t: TestApp;
  let wsId: string;
  let slug: string;
  let owner: string;
  let stop: () => void;
  const ids = new Map<string, number>();
  const now = () => t.clock.now();
  let serial = 0;

  async function fans(...names: string[]) {
    for (const n of names) {
      const row = await store.db
        .insertInto('contacts')
        .values({
          workspace_id: wsId,
          external_id: n,
          name: n,
          attrs: '{}',
          created_at: now().toISOString(),
          updated_at: now().toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.set(n, Number(row.id));
    }
  }
  async function events(list: [who: string, type: string, daysAgo: number][]) {
    const items = list.map(([who, type, daysAgo], i) => ({
      line: i + 1,
      row: {
        id: `t${++serial}`,
        contactExternalId: who,
        type,
        at: now().getTime() - daysAgo * DAY,
        props: {},
      },
    }));
    const r = await ingestEvents(store.db, wsId, items, now(), {
      onListenerError: (e) => {
        throw e;
      },
    });
    expect(r.failed).toBe(0);
  }
  const tierOf = async (who: string) => (await contactTier(store.db, wsId, ids.get(who)!)).tier;

  beforeAll(async () => {
    if (skip) return;
    store = await openTestStore(name);
    t = createTestApp(store);
    slug = `lad${name}`;
    const seeded = await seedWorkspace(store, slug);
    wsId = seeded.ws.id;
    owner = seeded.tokens.owner;
    stop = listenForLadder(store.db, t.clock, createLogger('silent'));
  });
  afterAll(async () => {
    if (skip) return;
    stop();
    await audienceIndexFor(store).close();
    await store.close();
  });

  it.skipIf(skip)(
    'promotes on events within the window, emits tier_changed, updates tier: segments',
    async () => {
      await fans('amy', 'bob', 'cat');
      const index = audienceIndexFor(store);
      expect(await index.count(wsId, 'tier:iron')).toBe(0);
      // amy: 5 interactions in 30 days and a seeding task accepted; bob: 5, but two are 40 days old.
      await events([
        ['amy', 'like', 1],
        ['amy', 'comment', 2],
        ['amy', 'share', 3],
        ['amy', 'message', 4],
        ['amy', 'like', 5],
        ['amy', 'seeding_accepted', 6],
        ['bob', 'like', 1],
        ['bob', 'like', 2],
        ['bob', 'like', 3],
        ['bob', 'like', 40],
        ['bob', 'like', 41],
        ['bob', 'seeding_accepted', 1],
        ['cat', 'order', 10],
      ]);
      expect(await tierOf('amy')).toBe('favorable');
      expect(await tierOf('bob')).toBe('passerby');
      expect(await tierOf('cat')).toBe('iron');
      expect(await index.count(wsId, 'tier:iron')).toBe(1);
      expect(await index.count(wsId, 'tier:favorable')).toBe(1);

      await events([['amy', 'order', 0]]);
      expect(await tierOf('amy')).toBe('iron');
      expect(await index.count(wsId, 'tier:iron')).toBe(2);
      expect(await index.count(wsId, 'tier:favorable')).toBe(0);

      const changed = await store.db
        .selectFrom('events')
        .select(['contact_id', 'props'])
        .where('workspace_id', '=', wsId)
        .where('type', '=', 'tier_changed')
        .orderBy('seq')
        .execute();
      expect(changed.map((e) => [Number(e.contact_id), JSON.parse(e.props)])).toEqual([
        [ids.get('amy'), { from: 'passerby', to: 'favorable', rule: 'favorable' }],
        [ids.get('cat'), { from: 'passerby', to: 'iron', rule: 'iron' }],
        [ids.get('amy'), { from: 'favorable', to: 'iron', rule: 'iron' }],
      ]);
      const history = await contactTier(store.db, wsId, ids.get('amy')!);
      expect(history.history.map((h) => `${h.from}>${h.to}`)).toEqual([
        'favorable>iron',
        'passerby>favorable',
      ]);

      const day = now().toISOString().slice(0, 10);
      const res = await call(
        t.app,
        'GET',
        `/api/v1/workspaces/${slug}/ladder/funnel?from=${day}T00:00:00Z&to=2027-01-01T00:00:00Z`,
        owner,
      );
      expect(res.status).toBe(200);
      expect(((await res.json()) as { items: unknown[] }).items).toEqual([
        { period: day, from: 'favorable', to: 'iron', count: 1 },
        { period: day, from: 'passerby', to: 'favorable', count: 1 },
        { period: day, from: 'passerby', to: 'iron', count: 1 },
      ]);
      const counts = await call(t.app, 'GET', `/api/v1/workspaces/${slug}/ladder/tiers`, owner);
      expect(((await counts.json()) as { items: unknown[] }).items).toEqual([
        { tier: 'passerby', name: '路人粉', count: 1 },
        { tier: 'favorable', name: '好感粉', count: 0 },
        { tier: 'iron', name: '铁粉', count: 2 },
        { tier: 'leader', name: '代颜粉', count: 0 },
      ]);
    },
  );

  it.skipIf(skip)('makes a leader only on an approved application, and never demotes one', async () => {
    // cat is iron with an order; no sweep or event makes a leader.
    await sweepLadder(store.db, wsId, { now: now() });
    expect(await tierOf('cat')).toBe('iron');
    const application = await applyForLeaderTier(store.db, wsId, { contactId: ids.get('cat')! }, now());
    expect(application.checks.find((c) => c.check === 'community')?.pass).toBe(false);
    const ctx = { actor: 'test', now: now() };
    await expect(
      reviewLeaderApplication(store.db, wsId, application.id, { approve: true }, ctx),
    ).rejects.toThrow(/leader requirements/);
    const account = {
      id: `acc_${name}`,
      workspace_id: wsId,
      kind: 'simulator',
      name: 'robot',
      personal: 0,
      settings: '{}',
      created_at: now().toISOString(),
    };
    await store.db.insertInto('channel_accounts').values(account).execute();
    const own = await createCommunity(
      store.db,
      wsId,
      { name: 'cat 的群', type: 'exchange', ownerAccountId: account.id },
      ctx,
    );
    await addCommunityMembers(
      store.db,
      wsId,
      own.id,
      { contactIds: [ids.get('cat')!], role: 'group_leader' },
      ctx,
    );
    const approved = await reviewLeaderApplication(store.db, wsId, application.id, { approve: true }, ctx);
    expect(approved.status).toBe('approved');
    expect(await tierOf('cat')).toBe('leader');
    expect(await audienceIndexFor(store).count(wsId, 'tier:leader')).toBe(1);
    t.clock.advance(200 * DAY);
    await sweepLadder(store.db, wsId, { now: now() });
    expect(await tierOf('cat')).toBe('leader');
  });

  it.skipIf(skip)('demotes one tier per inactive spell', async () => {
    // amy became iron 200 days ago (order then) and has not interacted since: one tier down, not two.
    await sweepLadder(store.db, wsId, { now: now() });
    expect(await tierOf('amy')).toBe('favorable');
    await sweepLadder(store.db, wsId, { now: now() });
    expect(await tierOf('amy')).toBe('favorable');
    t.clock.advance(61 * DAY);
    await sweepLadder(store.db, wsId, { now: now() });
    expect(await tierOf('amy')).toBe('passerby');
    const moves = await contactTier(store.db, wsId, ids.get('amy')!);
    expect(moves.history.slice(0, 2).map((h) => `${h.from}>${h.to}:${h.rule}`)).toEqual([
      'favorable>passerby:inactivity',
      'iron>favorable:inactivity',
    ]);
  });

  it.skipIf(skip)('sweeps a big workspace in bounded batches with a cursor across runs', async () => {
    const names = Array.from({ length: 22 }, (_, i) => `s${i}`);
    await fans(...names);
    await store.db
      .updateTable('ladder_settings')
      .set({ sweep_cursor: 0 })
      .where('workspace_id', '=', wsId)
      .execute();
    const run = async () => {
      let out = '';
      const code = await runCli(
        ['ladder', 'sweep', '--workspace', slug, '--batch', '10', '--once', '--json'],
        {
          env: store.env,
          clock: t.clock,
          io: { out: (s) => void (out += s), err: () => undefined, interactive: false },
        },
      );
      expect(code).toBe(0);
      return JSON.parse(out) as { evaluated: number; placed: number; cursor: number; passComplete: boolean };
    };
    // 25 contacts: 10 + 10 + 5.
    const first = await run();
    expect(first).toMatchObject({ evaluated: 10, passComplete: false });
    const second = await run();
    expect(second).toMatchObject({ evaluated: 10, passComplete: false });
    expect(second.cursor).toBeGreaterThan(first.cursor);
    const third = await run();
    expect(third).toMatchObject({ evaluated: 5, passComplete: true, cursor: 0 });
    expect(first.placed + second.placed + third.placed).toBe(22);
    expect(await audienceIndexFor(store).count(wsId, 'tier:passerby')).toBe(24);
  });
});
