// Group leaders: one path with the ladder — applying for a KOC files its contact's leader application, whose
// checks carry the KOC's requirement verdicts; approving it makes the fan a leader and the KOC a group
// leader. The leader page, commission rules and their preview.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, seedWorkspace, type TestApp } from '../../../test/support/app.js';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.js';
import { createContact } from '../../audience/contacts/create-contact.js';
import { createKoc } from '../roster/create-koc.js';

describe.each(storeKinds())('group leaders on $title', ({ name, skip }) => {
  let store: TestStore;
  let t: TestApp;
  let s: Awaited<ReturnType<typeof seedWorkspace>>;
  const k: Record<string, string> = {};
  const base = '/api/v1/workspaces/brand/koc';

  beforeAll(async () => {
    if (skip) return;
    store = await openTestStore(name);
    t = createTestApp(store);
    s = await seedWorkspace(store, 'brand');
    const now = new Date('2026-11-23T03:00:00Z');
    const person = (externalId: string) =>
      createContact(store.db, s.ws.id, { externalId }, { viewer: { role: 'owner', kocId: null }, now });
    const self = await person('leader-self');
    const weakSelf = await person('weak-self');
    const social = (reads: number, likes: number) => [
      {
        platform: 'xiaohongshu' as const,
        handle: `h${likes}`,
        followers: 20_000,
        avgReads: reads,
        avgLikes: likes,
        avgComments: 0,
      },
    ];
    k.strong = (
      await createKoc(
        store.db,
        s.ws.id,
        { kind: 'user', name: '强', contactId: self.id, socialAccounts: social(3000, 300) },
        { actor: 't', now, seesPii: true },
      )
    ).id;
    k.weak = (
      await createKoc(
        store.db,
        s.ws.id,
        { kind: 'user', name: '弱', contactId: weakSelf.id, socialAccounts: social(3000, 30) },
        { actor: 't', now, seesPii: true },
      )
    ).id;
    const at = now.toISOString();
    const rows = Array.from({ length: 120 }, (_, i) => ({
      workspace_id: s.ws.id,
      external_id: `fan${i}`,
      owner_koc_id: i < 100 ? k.strong! : k.weak!,
      city: i % 3 === 0 ? '杭州' : '上海',
      attrs: '{}',
      created_at: at,
      updated_at: at,
    }));
    await store.db.insertInto('contacts').values(rows).execute();
    k.unlinked = (
      await createKoc(store.db, s.ws.id, { kind: 'user', name: '无号' }, { actor: 't', now, seesPii: true })
    ).id;
    // Both KOCs' own contacts are iron fans; the ladder's own leader checks are not what is tested here.
    for (const id of [self.id, weakSelf.id]) {
      await sql`insert into contact_tiers (workspace_id, contact_id, tier, since, rule) values (${s.ws.id}, ${id}, 'iron', ${at}, 'test')`.execute(
        store.db,
      );
    }
    const ladder = (await (
      await call(t.app, 'GET', '/api/v1/workspaces/brand/ladder', s.tokens.owner)
    ).json()) as Record<string, unknown>;
    const put = await call(t.app, 'PUT', '/api/v1/workspaces/brand/ladder', s.tokens.owner, {
      ...ladder,
      leader: { requireCommunity: false, minOrders: 0, withinDays: 90 },
    });
    expect(put.status).toBe(200);
  });
  afterAll(async () => store?.close());

  it.skipIf(skip)(
    'applies through the ladder, approves only a KOC meeting the requirements, and shows the leader page',
    async () => {
      interface Application {
        id: string;
        koc: { id: string } | null;
        checks: { check: string; actual: unknown; pass: boolean }[];
      }
      const apply = (kocId: string) => call(t.app, 'POST', `${base}/leaders`, s.tokens.operator, { kocId });
      const strong = (await (await apply(k.strong!)).json()) as Application;
      expect(strong.koc?.id).toBe(k.strong);
      expect(strong.checks.every((c) => c.pass)).toBe(true);
      expect(strong.checks.find((c) => c.check === 'fans')!.actual).toBe(100);
      const weak = (await (await apply(k.weak!)).json()) as Application;
      expect(weak.checks.filter((c) => !c.pass).map((c) => c.check)).toEqual(
        expect.arrayContaining(['fans', 'interactionRate']),
      );
      // An open application is not filed twice; a KOC without its own contact has no fan to promote.
      expect((await apply(k.strong!)).status).toBe(409);
      expect((await apply(k.unlinked!)).status).toBe(409);

      // The one queue: the ladder's leader applications, naming the KOC.
      const queue = (await (
        await call(t.app, 'GET', '/api/v1/workspaces/brand/ladder/leader-applications', s.tokens.analyst)
      ).json()) as { items: Application[] };
      expect(queue.items.map((a) => a.koc?.id).sort()).toEqual([k.strong, k.weak].sort());
      const kocView = (await (
        await call(t.app, 'GET', '/api/v1/workspaces/brand/ladder/leader-applications', s.tokens.koc)
      ).json()) as { items: Application[] };
      expect(kocView.items).toEqual([]);

      const review = (id: string, body: unknown) =>
        call(
          t.app,
          'POST',
          `/api/v1/workspaces/brand/ladder/leader-applications/${id}/review`,
          s.tokens.operator,
          body,
        );
      expect((await review(weak.id, { decision: 'approve' })).status).toBe(409);
      expect((await review(weak.id, { decision: 'reject', reason: '互动率不足' })).status).toBe(200);
      expect((await review(strong.id, { decision: 'approve' })).status).toBe(200);

      const leaders = (await (await call(t.app, 'GET', `${base}/leaders`, s.tokens.analyst)).json()) as {
        items: { kocId: string; status: string; verdicts: { rule: string }[] }[];
      };
      expect(leaders.items).toHaveLength(1);
      expect(leaders.items[0]).toMatchObject({ kocId: k.strong, status: 'approved' });
      expect(leaders.items[0]!.verdicts.map((v) => v.rule)).toEqual(['fans', 'avgReads', 'interactionRate']);
      const tier = await store.db
        .selectFrom('contact_tiers')
        .innerJoin('kocs', 'kocs.contact_id', 'contact_tiers.contact_id')
        .select('contact_tiers.tier')
        .where('kocs.id', '=', k.strong!)
        .executeTakeFirstOrThrow();
      expect(tier.tier).toBe('leader');
      expect((await apply(k.strong!)).status).toBe(409);
      expect((await call(t.app, 'GET', `${base}/leaders/${k.weak}/page`, s.tokens.analyst)).status).toBe(404);

      await call(t.app, 'PUT', `${base}/commission-rules`, s.tokens.operator, {
        scope: 'default',
        tiers: [
          { upTo: 10_000, rate: 0.1 },
          { upTo: null, rate: 0.12 },
        ],
      });
      const page = (await (
        await call(t.app, 'GET', `${base}/leaders/${k.strong}/page`, s.tokens.analyst)
      ).json()) as {
        leader: { status: string };
        fans: { total: number; byCity: { city: string; count: number }[] };
        commissionRules: unknown[];
      };
      expect(page.leader.status).toBe('approved');
      expect(page.fans.total).toBe(100);
      expect(page.fans.byCity).toEqual([
        { city: '上海', count: 66 },
        { city: '杭州', count: 34 },
      ]);
      expect(page.commissionRules).toHaveLength(1);
      expect(JSON.stringify(page)).not.toMatch(/order/i);
    },
  );

  it.skipIf(skip)(
    'commission rules: most specific rule, progressive tiers, bad schedules refused',
    async () => {
      const put = (body: unknown) => call(t.app, 'PUT', `${base}/commission-rules`, s.tokens.operator, body);
      expect(
        (await put({ scope: 'category', scopeValue: 'skincare', tiers: [{ upTo: null, rate: 0.15 }] }))
          .status,
      ).toBe(200);
      expect((await put({ scope: 'product', tiers: [{ upTo: null, rate: 0.2 }] })).status).toBe(400);
      const preview = async (body: unknown) =>
        (await (
          await call(t.app, 'POST', `${base}/commission-rules/preview`, s.tokens.analyst, body)
        ).json()) as { commission: number; rule: { scope: string } };
      expect(await preview({ category: 'makeup', volume: 15_000 })).toMatchObject({
        commission: 1_600,
        rule: { scope: 'default' },
      });
      expect(await preview({ category: 'skincare', volume: 15_000 })).toMatchObject({
        commission: 2_250,
        rule: { scope: 'category' },
      });
    },
  );
});
