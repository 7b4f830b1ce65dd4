// The demo KOC program on both stores, on a small audience: all three kinds, overlapping pools, a drive
// with applicants on both sides of the bar, tasks with submissions, commission rules; then the ladder demo
// makes group leaders of KOCs through their fans' leader applications.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWorkspace } from '../../test/support/app.js';
import { openTestStore, storeKinds, type TestStore } from '../../test/support/stores.js';
import { selectWorkspaceKocs } from '../koc/selection/select-workspace-kocs.js';
import { seedAudienceDemo } from './audience-demo.js';
import { seedKocDemo } from './koc-demo.js';
import { seedLadderDemo } from './ladder-demo.js';

const NOW = new Date('2026-11-23T02:00:00Z');

describe.each(storeKinds())('demo KOC program on $title', ({ name, skip }) => {
  let store: TestStore;
  beforeAll(async () => {
    if (!skip) store = await openTestStore(name);
  });
  afterAll(async () => store?.close());

  it.skipIf(skip)('seeds KOCs with overlapping fan pools and program activity', async () => {
    const { ws } = await seedWorkspace(store, 'demo');
    await seedAudienceDemo({ db: store.db, workspaceId: ws.id, now: NOW }, { fans: 3000, days: 3 });
    const r = await seedKocDemo({ db: store.db, workspaceId: ws.id, now: NOW });
    expect(r.kocs).toBe(300);
    const db = store.db;
    const kinds = await db
      .selectFrom('kocs')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .where('workspace_id', '=', ws.id)
      .groupBy('kind')
      .orderBy('kind')
      .execute();
    expect(kinds.map((k) => [k.kind, Number(k.n)])).toEqual([
      ['employee', 45],
      ['guide', 60],
      ['user', 195 + 5],
    ]);
    const owned = await db
      .selectFrom('contacts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', ws.id)
      .where('owner_koc_id', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(Number(owned.n)).toBe(r.fans);
    expect(r.fans).toBeGreaterThan(1200);
    const apps = await db
      .selectFrom('koc_applications')
      .select(['status', 'verdicts'])
      .where('workspace_id', '=', ws.id)
      .execute();
    expect(apps).toHaveLength(40);
    const eligible = apps.map((a) => (JSON.parse(a.verdicts) as { eligible: boolean }).eligible);
    expect(eligible.filter(Boolean).length).toBeGreaterThan(0);
    expect(eligible.filter((e) => !e).length).toBeGreaterThan(0);
    expect(apps.filter((a) => a.status === 'approved')).toHaveLength(5);
    const subs = await db
      .selectFrom('seeding_submissions')
      .select('status')
      .where('workspace_id', '=', ws.id)
      .execute();
    expect(subs).toHaveLength(42);
    expect(subs.filter((x) => x.status === 'approved')).toHaveLength(30);
    expect(
      await db.selectFrom('commission_rules').select('id').where('workspace_id', '=', ws.id).execute(),
    ).toHaveLength(2);
    // Overlaps: the greedy's second pick gains less than its own pool.
    const sel = await selectWorkspaceKocs(db, ws.id, { k: 10 });
    expect(sel.overlap.flat().some((n, i) => i % 11 !== 0 && n > 0)).toBe(true);

    await seedLadderDemo({ db, workspaceId: ws.id, now: NOW });
    const leaders = await db
      .selectFrom('group_leaders as g')
      .innerJoin('kocs as k', 'k.id', 'g.koc_id')
      .innerJoin('contact_tiers as t', 't.contact_id', 'k.contact_id')
      .select(['g.status', 't.tier'])
      .where('g.workspace_id', '=', ws.id)
      .execute();
    expect(leaders.length).toBeGreaterThan(0);
    expect(leaders.every((l) => l.status === 'approved' && l.tier === 'leader')).toBe(true);
  });
});
