// Communities on both stores: capacity and overflow groups, join/leave events, the channel sync hook,
// per-group interaction rate and daily messages, and the tier_group invitation on promotion.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, seedWorkspace, type TestApp } from '../../../test/support/app.js';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.js';
import { ingestEvents } from '../../audience/events/ingest-events.js';
import { evaluateTiers } from '../ladder/evaluate-tiers.js';
import { syncGroupMembers } from './sync-group-members.js';

const DAY = 86_400_000;

describe.each(storeKinds())('communities on $title', ({ name, skip }) => {
  let store: TestStore;
  let t: TestApp;
  let wsId: string;
  let slug: string;
  let owner: string;
  const ids: number[] = [];
  const account = `acc_c_${name}`;
  let serial = 0;
  const now = () => t.clock.now();
  const api = (method: string, path: string, body?: unknown) =>
    call(t.app, method, `/api/v1/workspaces/${slug}${path}`, owner, body);
  const ingest = (list: { who: number; type: string; daysAgo: number; props?: Record<string, unknown> }[]) =>
    ingestEvents(
      store.db,
      wsId,
      list.map((e, i) => ({
        line: i + 1,
        row: {
          id: `ce${++serial}`,
          contactExternalId: `f${e.who}`,
          type: e.type,
          at: now().getTime() - e.daysAgo * DAY,
          props: e.props ?? {},
        },
      })),
      now(),
      { onListenerError: () => undefined },
    );
  const joinEvents = async (type: string) =>
    (
      await store.db
        .selectFrom('events')
        .select(['contact_id', 'props'])
        .where('workspace_id', '=', wsId)
        .where('type', '=', type)
        .orderBy('seq')
        .execute()
    ).map((e) => ({ contactId: Number(e.contact_id), props: JSON.parse(e.props) as Record<string, string> }));

  beforeAll(async () => {
    if (skip) return;
    store = await openTestStore(name);
    t = createTestApp(store);
    slug = `com${name}`;
    const seeded = await seedWorkspace(store, slug);
    wsId = seeded.ws.id;
    owner = seeded.tokens.owner;
    const at = now().toISOString();
    await store.db
      .insertInto('channel_accounts')
      .values({
        id: account,
        workspace_id: wsId,
        kind: 'simulator',
        name: 'robot',
        personal: 0,
        settings: '{}',
        created_at: at,
      })
      .execute();
    for (let i = 0; i < 8; i++) {
      const r = await store.db
        .insertInto('contacts')
        .values({
          workspace_id: wsId,
          external_id: `f${i}`,
          name: `fan${i}`,
          attrs: '{}',
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(Number(r.id));
    }
  });
  afterAll(async () => {
    if (!skip) await store.close();
  });

  it.skipIf(skip)('fills groups to capacity, overflows to new groups, records joins and leaves', async () => {
    const created = await api('POST', '/communities', {
      name: '新品试用群',
      type: 'new_product_test',
      tags: ['品牌'],
      ownerAccountId: account,
      capacity: 3,
    });
    expect(created.status).toBe(201);
    const community = (await created.json()) as { id: string; groups: { groupId: string }[] };
    expect(community.groups).toHaveLength(1);
    const added = await api('POST', `/communities/${community.id}/members`, { contactIds: ids.slice(0, 7) });
    expect(added.status).toBe(200);
    const report = (await added.json()) as {
      joined: { contactId: number; groupId: string }[];
      groupsOpened: number;
    };
    expect(report.groupsOpened).toBe(2);
    const view = (await (await api('GET', `/communities/${community.id}`)).json()) as {
      groups: { position: number; members: number; groupId: string }[];
      members: number;
    };
    expect(view.groups.map((g) => [g.position, g.members])).toEqual([
      [1, 3],
      [2, 3],
      [3, 1],
    ]);
    expect(view.members).toBe(7);
    const joins = await joinEvents('join_group');
    expect(joins).toHaveLength(7);
    expect(joins[0]!.props).toEqual({ communityId: community.id, groupId: view.groups[0]!.groupId });

    expect((await api('DELETE', `/communities/${community.id}/members/${ids[0]}`)).status).toBe(204);
    expect(await joinEvents('leave_group')).toEqual([
      { contactId: ids[0], props: { communityId: community.id, groupId: view.groups[0]!.groupId } },
    ]);
    // The freed seat in the first group is taken before a new group is opened.
    const again = (await (
      await api('POST', `/communities/${community.id}/members`, { contactIds: [ids[7]] })
    ).json()) as typeof report;
    expect(again.joined).toEqual([{ contactId: ids[7], groupId: view.groups[0]!.groupId }]);

    // The channel reports group 1 as {ids[1], ids[2], ids[0]}: ids[7] left, ids[0] joined.
    const first = view.groups[0]!.groupId;
    const synced = await syncGroupMembers(store.db, wsId, first, [ids[1]!, ids[2]!, ids[0]!], now());
    expect(synced).toEqual({ communityId: community.id, joined: [ids[0]], left: [ids[7]] });
    const members = (await (await api('GET', `/communities/${community.id}/members?limit=100`)).json()) as {
      items: { contactId: number; groupId: string }[];
    };
    expect(
      members.items
        .filter((m) => m.groupId === first)
        .map((m) => m.contactId)
        .sort((a, b) => a - b),
    ).toEqual([ids[0]!, ids[1]!, ids[2]!].sort((a, b) => a - b));
    expect((await joinEvents('leave_group')).map((e) => e.contactId)).toEqual([ids[0], ids[7]]);
  });

  it.skipIf(skip)('computes the interaction rate and daily messages per group over a window', async () => {
    const list = (await (await api('GET', '/communities?type=new_product_test')).json()) as {
      items: { id: string; groups: { groupId: string }[] }[];
    };
    const community = list.items[0]!;
    const first = community.groups[0]!.groupId;
    // Group 1 = ids[0..2]: two interact within 7 days, one only 10 days ago.
    await ingest([
      { who: 0, type: 'message', daysAgo: 1, props: { groupId: first } },
      { who: 0, type: 'message', daysAgo: 1, props: { groupId: first } },
      { who: 1, type: 'like', daysAgo: 2 },
      { who: 2, type: 'comment', daysAgo: 10 },
      { who: 1, type: 'message', daysAgo: 3, props: { groupId: first } },
    ]);
    const res = await api('GET', `/communities/${community.id}/stats?days=7`);
    expect(res.status).toBe(200);
    const stats = (await res.json()) as {
      groups: {
        groupId: string;
        members: number;
        interacting: number;
        interactionRate: number;
        daily: { day: string; messages: number }[];
      }[];
    };
    const g1 = stats.groups.find((g) => g.groupId === first)!;
    expect(g1).toMatchObject({ members: 3, interacting: 2 });
    expect(g1.interactionRate).toBeCloseTo(2 / 3);
    const day = (n: number) => new Date(now().getTime() - n * DAY).toISOString().slice(0, 10);
    expect(g1.daily).toEqual([
      { day: day(3), messages: 1 },
      { day: day(1), messages: 2 },
    ]);
  });

  it.skipIf(skip)(
    'invites fans promoted to a tier to its tier_group community, and brand members become iron',
    async () => {
      const res = await api('POST', '/communities', {
        name: '铁粉群',
        type: 'tier_group',
        tier: 'iron',
        ownerAccountId: account,
      });
      expect(res.status).toBe(201);
      const tierGroup = (await res.json()) as { id: string };
      // Members of the community tagged 品牌 qualify for iron by the default rules.
      const r = await evaluateTiers(store.db, wsId, null, { now: now() });
      expect(
        r.changes
          .filter((c) => c.to === 'iron')
          .map((c) => c.contactId)
          .sort((a, b) => a - b),
      ).toEqual(ids.slice(0, 7).sort((a, b) => a - b));
      const touches = await store.db
        .selectFrom('touches')
        .select(['contact_id', 'idempotency_key', 'kind', 'account_id'])
        .where('workspace_id', '=', wsId)
        .where('kind', '=', 'direct')
        .execute();
      expect(touches).toHaveLength(7);
      expect(
        touches.every(
          (x) => x.idempotency_key.startsWith(`tier-invite:${tierGroup.id}:`) && x.account_id === account,
        ),
      ).toBe(true);
    },
  );
});
