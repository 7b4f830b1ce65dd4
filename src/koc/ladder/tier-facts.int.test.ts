// The ladder's facts on both stores: events conditions read together in one pass over the events give each
// condition exactly the contacts its own types, window and minimum give it alone, in every scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.js';
import { insertEvents } from '../../audience/events/insert-events.js';
import { createWorkspace } from '../../workspaces/create-workspace.js';
import type { Condition } from './ladder-settings.js';
import { TierFacts, type Scope } from './tier-facts.js';

const DAY = 86_400_000;
const now = new Date('2026-11-23T00:00:00Z');

// Types shared across conditions with other windows and minimums, one condition inside an `any`.
const conditions: Condition[] = [
  { kind: 'events', types: ['like', 'comment'], min: 2, withinDays: 30 },
  { kind: 'events', types: ['like'], min: 3, withinDays: 60 },
  {
    kind: 'any',
    of: [
      { kind: 'events', types: ['order'], min: 1, withinDays: 90 },
      { kind: 'tag', name: 'nobody has it' },
    ],
  },
  { kind: 'events', types: ['like'], min: 1, withinDays: 1 },
];
// A like exactly one day old is outside a one-day window, one to come outside every window, an order 100 days
// old outside 90 days.
const expected = [['amy'], ['amy', 'bob'], ['bob'], ['dan']];

describe.each(storeKinds())('ladder facts on $title', ({ name, skip }) => {
  let store: TestStore;
  let wsId: string;
  const ids = new Map<string, number>();
  const named = (set: Iterable<number>) =>
    [...set].map((id) => [...ids].find(([, v]) => v === id)![0]).sort();

  beforeAll(async () => {
    if (skip) return;
    store = await openTestStore(name);
    const ws = await createWorkspace(
      store.db,
      { slug: `facts${name}`, name: 'Facts' },
      { actor: 'test', ownerUserId: null, defaultTimezone: 'Asia/Shanghai', now },
    );
    wsId = ws.id;
    const at = now.toISOString();
    for (const who of ['amy', 'bob', 'cat', 'dan']) {
      const row = await store.db
        .insertInto('contacts')
        .values({ workspace_id: wsId, external_id: who, attrs: '{}', created_at: at, updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.set(who, Number(row.id));
    }
    const list: [string, string, number][] = [
      ['amy', 'like', 1],
      ['amy', 'comment', 2],
      ['amy', 'like', 20],
      ['amy', 'like', 45],
      ['bob', 'like', 40],
      ['bob', 'like', 45],
      ['bob', 'like', 50],
      ['bob', 'comment', 3],
      ['bob', 'order', 80],
      ['cat', 'comment', 10],
      ['cat', 'order', 100],
      ['cat', 'like', -1],
      ['dan', 'like', 0.5],
      ['dan', 'view', 0.1],
    ];
    const rows = list.map(([who, type, daysAgo], i) => ({
      eventId: `f${i}`,
      contactId: ids.get(who)!,
      type,
      at: now.getTime() - daysAgo * DAY,
      sourceKind: null,
      sourceId: null,
      props: '{}',
    }));
    await insertEvents(store.db, wsId, rows, at);
  });
  afterAll(async () => {
    if (!skip) await store.close();
  });

  it.skipIf(skip)('reads every events condition in one pass as each alone would', async () => {
    const scopes: Scope[] = [
      null,
      { lo: ids.get('amy')!, hi: ids.get('bob')! },
      { ids: [ids.get('bob')!, ids.get('dan')!] },
    ];
    for (const scope of scopes) {
      const inScope = (who: string) =>
        scope === null ||
        ('lo' in scope
          ? ids.get(who)! >= scope.lo && ids.get(who)! <= scope.hi
          : scope.ids.includes(ids.get(who)!));
      const together = new TierFacts(store.db, wsId, scope, now.getTime());
      together.preloadEvents(conditions);
      for (const [i, c] of conditions.entries()) {
        const alone = new TierFacts(store.db, wsId, scope, now.getTime());
        const want = expected[i]!.filter(inScope);
        expect(named(await together.matching(c))).toEqual(want);
        expect(named(await alone.matching(c))).toEqual(want);
      }
    }
  });
});
