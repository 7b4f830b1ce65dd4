// Recruitment end to end: a drive, the public page and endpoint (bad input, absurd figures, duplicates,
// rate limit), the review queue with verdicts, single and bulk approve/reject.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, seedWorkspace, type TestApp } from '../../../test/support/app.js';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.js';

interface ErrorBody {
  error: { code: string; message: string; details: { fields?: Record<string, string> } | null };
}

const good = (n: number, over: Record<string, unknown> = {}) => ({
  name: `申请人${n}`,
  phone: `1390000${String(n).padStart(4, '0')}`,
  city: '上海',
  category: 'beauty',
  platform: 'xiaohongshu',
  handle: `xhs_${n}`,
  followers: 5000,
  avgReads: 2000,
  avgLikes: 150,
  avgComments: 30,
  ...over,
});

describe.each(storeKinds())('KOC recruitment on $title', ({ name, skip }) => {
  let store: TestStore;
  let t: TestApp;
  let seeded: Awaited<ReturnType<typeof seedWorkspace>>;
  let driveId: string;
  const publicUrl = () => `/api/v1/public/apply/brand/${driveId}`;
  const apply = (body: unknown) =>
    t.app.request(publicUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    if (skip) return;
    store = await openTestStore(name);
    t = createTestApp(store);
    seeded = await seedWorkspace(store, 'brand');
    const res = await call(t.app, 'POST', '/api/v1/workspaces/brand/koc/drives', seeded.tokens.operator, {
      name: '秋季种草官招募',
      kind: 'user',
      rules: {
        minFollowers: 1000,
        leadMinFollowers: 10000,
        minInteractionRate: 0.05,
        categories: ['beauty'],
      },
    });
    expect(res.status).toBe(201);
    driveId = ((await res.json()) as { id: string }).id;
  });
  afterAll(async () => store?.close());

  it.skipIf(skip)(
    'serves a mobile-friendly Chinese page without login, and 404 for an unknown drive',
    async () => {
      const page = await t.app.request(`/apply/brand/${driveId}`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      const html = await page.text();
      expect(html).toContain('lang="zh-CN"');
      expect(html).toContain('name="viewport"');
      expect(html).toContain('秋季种草官招募');
      expect(html).toContain(publicUrl());
      for (const f of ['name', 'phone', 'followers', 'avgReads', 'handle'])
        expect(html).toContain(`id="err-${f}"`);
      const missing = await t.app.request('/apply/brand/nope');
      expect(missing.status).toBe(404);
      expect(await missing.text()).toContain('页面不存在');
    },
  );

  it.skipIf(skip)('reports every bad field at once, in Chinese', async () => {
    const res = await apply({ name: '', phone: '123', followers: -5, avgReads: 'many', platform: 'myspace' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('VALIDATION');
    const fields = body.error.details!.fields!;
    expect(Object.keys(fields).sort()).toEqual(
      ['avgReads', 'category', 'city', 'followers', 'handle', 'name', 'phone', 'platform'].sort(),
    );
    expect(fields.followers).toContain('粉丝数');
  });

  it.skipIf(skip)('refuses absurd figures', async () => {
    const tooMany = (await (await apply(good(1, { followers: 2e9 }))).json()) as ErrorBody;
    expect(Object.keys(tooMany.error.details!.fields!)).toEqual(['followers']);
    const reads = (await (await apply(good(1, { followers: 100, avgReads: 10_001 }))).json()) as ErrorBody;
    expect(reads.error.details!.fields!.avgReads).toContain('100 倍');
    const likes = (await (
      await apply(good(1, { avgReads: 100, avgLikes: 90, avgComments: 20 }))
    ).json()) as ErrorBody;
    expect(Object.keys(likes.error.details!.fields!)).toEqual(['avgLikes']);
  });

  it.skipIf(skip)(
    'queues good applications with verdicts, refuses duplicates, reviews one by one and in bulk',
    async () => {
      expect((await apply(good(1))).status).toBe(201);
      const small = await apply(good(2, { followers: 800, avgReads: 300, avgLikes: 5, avgComments: 1 }));
      expect(small.status).toBe(201);
      expect(
        (await apply(good(3, { followers: 20_000, avgReads: 5000, avgLikes: 500, avgComments: 100 }))).status,
      ).toBe(201);

      const again = await apply(good(1, { handle: 'other' }));
      expect(again.status).toBe(409);
      expect(((await again.json()) as ErrorBody).error.details!.fields!.phone).toContain('已提交');
      const sameHandle = await apply(good(9, { handle: 'xhs_1' }));
      expect(((await sameHandle.json()) as ErrorBody).error.details!.fields!.handle).toBeDefined();

      const queue = await call(
        t.app,
        'GET',
        `/api/v1/workspaces/brand/koc/drives/${driveId}/applications`,
        seeded.tokens.analyst,
      );
      const items = (
        (await queue.json()) as {
          items: {
            id: string;
            name: string;
            phone: string;
            eligible: boolean;
            leadEligible: boolean;
            score: number;
            verdicts: { rule: string; pass: boolean }[];
          }[];
        }
      ).items;
      expect(items.map((i) => i.name)).toEqual(['申请人3', '申请人1', '申请人2']); // best score first
      expect(items[0]!.phone).toBe('+86 139****0003'); // analysts see masked phones
      const byName = Object.fromEntries(items.map((i) => [i.name, i]));
      expect(byName['申请人3']!.leadEligible).toBe(true);
      expect(byName['申请人1']!.eligible).toBe(true);
      expect(byName['申请人1']!.leadEligible).toBe(false);
      expect(byName['申请人2']!.eligible).toBe(false);
      expect(byName['申请人2']!.verdicts.filter((v) => !v.pass).map((v) => v.rule)).toEqual([
        'followers',
        'interactionRate',
        'leadFollowers',
      ]);

      const review = (ids: string[], decision: string, reason?: string) =>
        call(t.app, 'POST', '/api/v1/workspaces/brand/koc/applications/review', seeded.tokens.operator, {
          ids,
          decision,
          ...(reason ? { reason } : {}),
        });
      expect((await review([byName['申请人2']!.id], 'reject')).status).toBe(400); // a rejection needs a reason
      const bulk = (await (
        await review([byName['申请人1']!.id, byName['申请人3']!.id, 'app_missing'], 'approve')
      ).json()) as {
        items: { id: string; ok: boolean; kocId?: string; error?: { code: string } }[];
      };
      expect(bulk.items.map((i) => i.ok)).toEqual([true, true, false]);
      expect(bulk.items[2]!.error!.code).toBe('NOT_FOUND');
      const rejected = (await (
        await review([byName['申请人2']!.id, byName['申请人1']!.id], 'reject', '粉丝数未达标')
      ).json()) as {
        items: { ok: boolean; error?: { code: string } }[];
      };
      expect(rejected.items.map((i) => i.ok)).toEqual([true, false]);
      expect(rejected.items[1]!.error!.code).toBe('CONFLICT'); // already approved

      const koc = await call(
        t.app,
        'GET',
        `/api/v1/workspaces/brand/kocs/${bulk.items[0]!.kocId}`,
        seeded.tokens.owner,
      );
      const detail = (await koc.json()) as {
        koc: { status: string; kind: string; phone: string; socialAccounts: { handle: string }[] };
        history: { to: string; reason: string }[];
      };
      expect(detail.koc).toMatchObject({ status: 'active', kind: 'user', phone: '+8613900000001' });
      expect(detail.koc.socialAccounts.map((s) => s.handle)).toEqual(['xhs_1']);
      expect(detail.history[0]!.reason).toContain(byName['申请人1']!.id);

      // Now a KOC: applying again (even to a new drive) is refused as a duplicate KOC.
      const dup = await apply(good(1, { handle: 'brand_new' }));
      expect(dup.status).toBe(409);
      expect(((await dup.json()) as ErrorBody).error.message).toContain('KOC');

      const drives = (await (
        await call(t.app, 'GET', '/api/v1/workspaces/brand/koc/drives', seeded.tokens.analyst)
      ).json()) as {
        items: { applications: Record<string, number> }[];
      };
      expect(drives.items[0]!.applications).toEqual({ pending: 0, approved: 2, rejected: 1 });
    },
  );

  it.skipIf(skip)('closed drives take no applications; the endpoint is rate-limited per client', async () => {
    await call(
      t.app,
      'POST',
      `/api/v1/workspaces/brand/koc/drives/${driveId}/status`,
      seeded.tokens.operator,
      { status: 'closed' },
    );
    expect((await apply(good(50))).status).toBe(409);
    expect(await (await t.app.request(`/apply/brand/${driveId}`)).text()).toContain('已结束');
    let status = 0;
    for (let i = 0; i < 25 && status !== 429; i++) status = (await apply({})).status;
    expect(status).toBe(429);
  });
});
