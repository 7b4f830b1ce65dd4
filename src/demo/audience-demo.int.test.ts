// The demo audience factory on both stores: the fans, their tag groups and events, the same for the same
// seed and clock, and visible to the segment index through the change feed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWorkspace } from '../../test/support/app.js';
import { openTestStore, storeKinds, type TestStore } from '../../test/support/stores.js';
import { audienceIndexFor } from '../audience/index/audience-index.js';
import { DEMO_TAG_GROUPS, generateDemoEvents, generateDemoFans, seedAudienceDemo } from './audience-demo.js';

const NOW = new Date('2026-11-23T02:00:00Z');

describe('demo audience generators', () => {
  it('are deterministic and look like the brand’s fans', () => {
    const fans = generateDemoFans(5000, { currentYear: 2026 });
    expect(generateDemoFans(5000, { currentYear: 2026 })).toEqual(fans);
    const women = fans.filter((f) => f.gender === 'female').length / fans.length;
    expect(women).toBeGreaterThan(0.85);
    const ages = fans.filter((f) => f.birthYear).map((f) => 2026 - f.birthYear!);
    expect(ages.filter((a) => a >= 18 && a <= 35).length / ages.length).toBeGreaterThan(0.8);
    const bigCities = fans.filter((f) =>
      ['上海', '北京', '广州', '深圳', '杭州', '成都'].includes(f.city!),
    ).length;
    expect(bigCities / fans.length).toBeGreaterThan(0.5);
    for (const group of Object.values(DEMO_TAG_GROUPS)) {
      expect(fans.every((f) => f.tags.some((t) => (group as readonly string[]).includes(t)))).toBe(true);
    }
    const events = generateDemoEvents([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { end: NOW.getTime() });
    expect(generateDemoEvents([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { end: NOW.getTime() })).toEqual(events);
    for (const e of events) {
      expect(e.at).toBeLessThan(NOW.getTime());
      expect(e.at).toBeGreaterThan(NOW.getTime() - 61 * 86_400_000);
    }
  });
});

describe.each(storeKinds())('demo audience on $title', ({ name, skip }) => {
  let store: TestStore;
  beforeAll(async () => {
    if (!skip) store = await openTestStore(name);
  });
  afterAll(async () => {
    if (store) await audienceIndexFor(store).close();
    await store?.close();
  });

  it.skipIf(skip)('writes the fans with their tag groups and events, seen by the segment index', async () => {
    const { ws } = await seedWorkspace(store, 'demo');
    const r = await seedAudienceDemo({ db: store.db, workspaceId: ws.id, now: NOW }, { fans: 3000 });
    expect(r.fans).toBe(3000);
    const count = await store.db
      .selectFrom('contacts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', ws.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(3000);
    const groups = await store.db
      .selectFrom('tag_groups')
      .innerJoin('tags', 'tags.group_id', 'tag_groups.id')
      .select(['tag_groups.name as group', 'tags.name as tag'])
      .where('tag_groups.workspace_id', '=', ws.id)
      .execute();
    expect(new Set(groups.map((g) => g.group))).toEqual(new Set(['人群', '兴趣', '肤质', '来源']));
    expect(
      groups
        .filter((g) => g.group === '肤质')
        .map((g) => g.tag)
        .sort(),
    ).toEqual(['干皮', '敏感肌', '油皮', '混合皮'].sort());
    const events = await store.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', ws.id)
      .executeTakeFirstOrThrow();
    expect(Number(events.n)).toBe(r.events);
    const index = audienceIndexFor(store);
    expect(await index.count(ws.id, 'tag:护肤', { at: NOW })).toBeGreaterThan(1500);
    const skin = await Promise.all(
      DEMO_TAG_GROUPS.肤质.map((t) => index.count(ws.id, `tag:${t}`, { at: NOW })),
    );
    expect(skin.reduce((a, b) => a + b, 0)).toBe(3000);
    expect(await index.count(ws.id, 'did order within 60d', { at: NOW })).toBeGreaterThan(0);
  });
});
