// Group leaders: requirement verdicts on the KOC's numbers (and the ladder tier when installed),
// approval re-checked, the leader page, commission rules and their preview.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, seedWorkspace, type TestApp } from '../../../test/support/app.js';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.js';
import { createContact } from '../../audience/contacts/create-contact.js';
import { createKoc } from '../roster/create-koc.js';
import { hasTable } from './leader-requirements.js';

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
    const self = await createContact(
      store.db,
      s.ws.id,
      { externalId: 'leader-self' },
      { viewer: { role: 'owner', kocId: null }, now },
    );
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
        { kind: 'user', name: '弱', socialAccounts: social(3000, 30) },
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
    if (await hasTable(store.db, 'contact_tiers')) {
      await sql`insert into contact_tiers (workspace_id, contact_id, tier, since, rule) values (${s.ws.id}, ${self.id}, 'leader', ${at}, 'test')`.execute(
        store.db,
      );
    }
  });
  afterAll(async () => store?.close());

  it.skipIf(skip)(
    'assesses, approves only a KOC meeting the requirements, and shows the leader page',
    async () => {
      const apply = async (kocId: string) =>
        (await (await call(t.app, 'POST', `${base}/leaders`, s.tokens.operator, { kocId })).json()) as {
          meetsRequirements: boolean;
          verdicts: { rule: string; actual: unknown; pass: boolean }[];
        };
      const strong = await apply(k.strong!);
      expect(strong.meetsRequirements).toBe(true);
      expect(strong.verdicts.find((v) => v.rule === 'fans')!.actual).toBe(100);
      const weak = await apply(k.weak!);
      expect(weak.verdicts.filter((v) => !v.pass).map((v) => v.rule)).toEqual(
        expect.arrayContaining(['fans', 'interactionRate']),
      );
      expect(
        (await call(t.app, 'POST', `${base}/leaders`, s.tokens.operator, { kocId: k.strong })).status,
      ).toBe(409);

      const review = (kocId: string, body: unknown) =>
        call(t.app, 'POST', `${base}/leaders/${kocId}/review`, s.tokens.operator, body);
      expect((await review(k.weak!, { decision: 'approve' })).status).toBe(409);
      expect((await review(k.weak!, { decision: 'reject', reason: '互动率不足' })).status).toBe(200);
      expect((await review(k.strong!, { decision: 'approve' })).status).toBe(200);
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
