// Changing a drive's thresholds: pending applications are assessed again (verdicts, eligibility, score,
// queue order); reviewed ones keep what they were decided on; only writers may change a drive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, seedWorkspace, type TestApp } from '../../../test/support/app.js';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.js';

const applicant = (n: number, followers: number) => ({
  name: `申请人${n}`,
  phone: `1370000${String(n).padStart(4, '0')}`,
  city: '杭州',
  category: 'beauty',
  platform: 'xiaohongshu',
  handle: `xhs_upd_${n}`,
  followers,
  avgReads: 1000,
  avgLikes: 80,
  avgComments: 20,
});

interface Application {
  id: string;
  name: string;
  eligible: boolean;
  score: number;
  status: string;
  verdicts: { rule: string; required: unknown; pass: boolean }[];
}

describe.each(storeKinds())('editing a recruitment drive on $title', ({ name, skip }) => {
  let store: TestStore;
  let t: TestApp;
  let s: Awaited<ReturnType<typeof seedWorkspace>>;
  const drives = '/api/v1/workspaces/brand/koc/drives';

  beforeAll(async () => {
    if (skip) return;
    store = await openTestStore(name);
    t = createTestApp(store);
    s = await seedWorkspace(store, 'brand');
  });
  afterAll(async () => store?.close());

  it.skipIf(skip)('re-assesses pending applications under the new bar', async () => {
    const created = await call(t.app, 'POST', drives, s.tokens.operator, {
      name: '春季招募',
      rules: { minFollowers: 1000 },
    });
    const driveId = ((await created.json()) as { id: string }).id;
    for (const [n, followers] of [
      [1, 3000],
      [2, 8000],
      [3, 20_000],
    ] as const) {
      const r = await t.app.request(`/api/v1/public/apply/brand/${driveId}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(applicant(n, followers)),
      });
      expect(r.status).toBe(201);
    }
    const queue = async () =>
      (
        (await (await call(t.app, 'GET', `${drives}/${driveId}/applications`, s.tokens.owner)).json()) as {
          items: Application[];
        }
      ).items;
    const before = await queue();
    expect(before.every((a) => a.eligible)).toBe(true);
    const first = before.find((a) => a.name === '申请人1')!;
    await call(t.app, 'POST', '/api/v1/workspaces/brand/koc/applications/review', s.tokens.operator, {
      ids: [first.id],
      decision: 'approve',
    });

    const patch = (token: string, body: unknown) => call(t.app, 'PATCH', `${drives}/${driveId}`, token, body);
    expect((await patch(s.tokens.analyst, { name: 'x' })).status).toBe(403);
    expect((await patch(s.tokens.operator, { rules: { minFollowers: -1 } })).status).toBe(400);
    const res = await patch(s.tokens.operator, {
      name: '春季招募 · 提高门槛',
      rules: { minFollowers: 10_000, categories: ['beauty'] },
    });
    expect(res.status).toBe(200);
    const drive = (await res.json()) as { name: string; rules: { minFollowers: number }; reassessed: number };
    expect(drive).toMatchObject({
      name: '春季招募 · 提高门槛',
      rules: { minFollowers: 10_000 },
      reassessed: 2,
    });

    const after = new Map((await queue()).map((a) => [a.name, a]));
    expect(after.get('申请人2')!.eligible).toBe(false);
    expect(after.get('申请人2')!.verdicts.find((v) => v.rule === 'followers')).toMatchObject({
      required: 10_000,
      pass: false,
    });
    expect(after.get('申请人3')!.eligible).toBe(true);
    // Reviewed: kept as decided, under the old bar.
    expect(after.get('申请人1')).toMatchObject({ status: 'approved', eligible: true });
    expect(after.get('申请人1')!.verdicts.find((v) => v.rule === 'followers')!.required).toBe(1000);
    expect((await patch(s.tokens.operator, { name: 'x' })).status).toBe(200);
    expect((await call(t.app, 'PATCH', `${drives}/missing`, s.tokens.operator, { name: 'x' })).status).toBe(
      404,
    );
  });
});
