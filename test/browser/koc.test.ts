// The KOC section in the browser, on a workspace seeded through the API: four KOCs whose fan pools and
// social followers overlap. Selection: pick k, the reach curve and overlap heat map are drawn (canvas) and
// the figures in their tables are the API's. Recruitment: an applicant approved in the review queue
// becomes a KOC. Ladder: the funnel's counts are the API's, after events promote a fan. A koc-role member
// sees only its own KOC (the /me/koc view), none of the program's tabs.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/server.js';
import { apiFromPage, launchChromium, login, OWNER, openPage } from './browser.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
const WS = '/api/v1/workspaces/kocs';
const kocIds: Record<string, string> = {};
const KOC_MEMBER = { email: 'koc-a@guimi.test', password: 'koc-password-1' };

// Pools are disjoint (a fan belongs to one KOC); social followers overlap them.
//   A: pool f1–f5, f12           → {1,2,3,4,5,12}
//   B: pool f6–f8, follows 3, 4  → {3,4,6,7,8}
//   C: pool f9,    follows 1,2,6 → {1,2,6,9}
//   D: pool f10–11, follows 5    → {5,10,11}
// Greedy k=3: A (6), then B (+3), then D (+2): reach 11 of the 12 fans.
const POOLS: Record<string, number[]> = { A: [1, 2, 3, 4, 5, 12], B: [6, 7, 8], C: [9], D: [10, 11] };
const FOLLOWS: Record<string, number[]> = { B: [3, 4], C: [1, 2, 6], D: [5] };

interface Selection {
  selected: string[];
  reach: number;
  curve: number[];
  marginal: number[];
  overlap: number[][];
  picks: { id: string; name: string; marginal: number; reach: number }[];
}

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const r = await apiFromPage<T>(page, method, path, body);
  expect(r.status, `${method} ${path}: ${JSON.stringify(r.data)}`).toBeLessThan(300);
  return r.data;
}

beforeAll(async () => {
  server = await startTestServer({ demo: false, adminEmail: OWNER.email, adminPassword: OWNER.password });
  browser = await launchChromium();
  ({ context, page, errors } = await openPage(browser));
  await login(page, server.url);
  await api('POST', '/api/v1/workspaces', { slug: 'kocs', name: '达人计划', timezone: 'Asia/Shanghai' });
  const csv = [
    'external_id,name,city',
    ...Array.from({ length: 12 }, (_, i) => `f${i + 1},粉丝${i + 1},上海`),
  ];
  const imported = await page.evaluate(
    async ({ path, body }) => {
      const me = (await (await fetch('/api/v1/me')).json()) as { csrfToken: string };
      const res = await fetch(path, {
        method: 'POST',
        headers: { 'Content-Type': 'text/csv', 'X-CSRF-Token': me.csrfToken },
        body,
      });
      return res.status;
    },
    { path: `${WS}/imports/contacts`, body: csv.join('\n') },
  );
  expect(imported).toBe(200);
  const contacts = await api<{ items: { id: number; externalId: string }[] }>(
    'GET',
    `${WS}/contacts?limit=50`,
  );
  const fan = (n: number) => contacts.items.find((c) => c.externalId === `f${n}`)!.id;
  for (const name of ['A', 'B', 'C', 'D']) {
    const koc = await api<{ id: string }>('POST', `${WS}/kocs`, {
      kind: 'user',
      name: `达人${name}`,
      category: 'beauty',
      socialAccounts: [{ platform: 'xiaohongshu', handle: `xhs_${name}`, followers: 5000 }],
    });
    kocIds[name] = koc.id;
    await api('POST', `${WS}/kocs/${koc.id}/fans`, { contactIds: POOLS[name]!.map(fan) });
    if (FOLLOWS[name])
      await api('POST', `${WS}/kocs/${koc.id}/followers`, { contactIds: FOLLOWS[name].map(fan) });
  }
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe('console KOC section', () => {
  it('selects k KOCs and shows the reach curve and the overlap heat map with the API’s figures', async () => {
    await page.goto(`${server.url}/w/kocs/koc/selection`);
    await page.getByTestId('select-k').fill('3');
    await page.getByTestId('select-run').click();
    await page.getByTestId('select-pick').first().waitFor();

    const expected = await api<Selection>('POST', `${WS}/koc/selection`, { k: 3 });
    expect(expected.selected).toEqual([kocIds.A, kocIds.B, kocIds.D]);
    expect(expected.curve).toEqual([6, 9, 11]);
    expect(await page.getByTestId('select-reach').textContent()).toBe('11');

    const rows = page.getByTestId('select-pick');
    expect(await rows.count()).toBe(3);
    for (let i = 0; i < 3; i++) {
      const row = rows.nth(i);
      expect(await row.getAttribute('data-koc-id')).toBe(expected.selected[i]);
      expect(await row.getByTestId('pick-marginal').textContent()).toBe(String(expected.marginal[i]));
      expect(await row.getByTestId('pick-reach').textContent()).toBe(String(expected.curve[i]));
    }
    // Both charts are drawn on canvas.
    expect(await page.getByTestId('reach-curve').locator('canvas').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('overlap-heatmap').locator('canvas').count()).toBeGreaterThan(0);
    // The overlap pairs listed beside the heat map are the API's matrix: A×B share f3, f4; A×D share f5.
    const pairs = await page
      .getByTestId('overlap-pair')
      .evaluateAll((els) =>
        els.map((el) => [
          Number(el.getAttribute('data-a')),
          Number(el.getAttribute('data-b')),
          el.textContent,
        ]),
      );
    expect(pairs).toHaveLength(2);
    for (const [a, b, text] of pairs as [number, number, string][]) {
      expect(text).toContain(String(expected.overlap[a]![b]));
    }
    expect(expected.overlap[0]![1]).toBe(2);
    expect(expected.overlap[0]![2]).toBe(1);
  });

  it('approves an applicant from the review queue, who joins the roster', async () => {
    const drive = await api<{ id: string }>('POST', `${WS}/koc/drives`, {
      name: '秋季种草官',
      rules: { minFollowers: 1000 },
    });
    const apply = (n: number, followers: number) =>
      page.evaluate(
        async ({ url, body }) =>
          // An applicant has no session: the public endpoint is called without the console's cookie.
          (
            await fetch(url, {
              method: 'POST',
              credentials: 'omit',
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify(body),
            })
          ).status,
        {
          url: `/api/v1/public/apply/kocs/${drive.id}`,
          body: {
            name: `申请人${n}`,
            phone: `1380000000${n}`,
            city: '杭州',
            category: 'beauty',
            platform: 'douyin',
            handle: `dy_${n}`,
            followers,
            avgReads: 800,
            avgLikes: 60,
            avgComments: 10,
          },
        },
      );
    expect(await apply(1, 8000)).toBe(201);
    expect(await apply(2, 300)).toBe(201);

    await page.goto(`${server.url}/w/kocs/koc/recruitment`);
    const row = page.locator('[data-testid="application-row"][data-name="申请人1"]');
    await row.waitFor();
    expect(await page.getByTestId('application-row').count()).toBe(2);
    await row.getByTestId('application-approve').click();
    await page.locator('[data-testid="application-row"][data-name="申请人1"]').waitFor({ state: 'detached' });

    const apps = await api<{ items: { name: string; status: string; kocId: string | null }[] }>(
      'GET',
      `${WS}/koc/drives/${drive.id}/applications`,
    );
    const approved = apps.items.find((a) => a.name === '申请人1')!;
    expect(approved.status).toBe('approved');
    await page.goto(`${server.url}/w/kocs/koc/roster`);
    await page.getByTestId('koc-search').fill('申请人1');
    await expect.poll(() => page.getByTestId('koc-row').count()).toBe(1);
    expect(await page.getByTestId('koc-row').textContent()).toContain('申请人1');
  });

  it('shows the ladder funnel with the API’s counts after events promote a fan', async () => {
    const now = Date.now();
    const events = [
      ...['like', 'comment', 'share', 'like', 'message'].map((type, i) => ({
        id: `e${i}`,
        contact: 'f1',
        type,
        at: new Date(now - (i + 1) * 60_000).toISOString(),
      })),
      { id: 'e-seed', contact: 'f1', type: 'seeding_accepted', at: new Date(now - 30_000).toISOString() },
    ];
    await api('POST', `${WS}/events`, { events });
    type Counts = { items: { tier: string; count: number }[] };
    await expect
      .poll(
        async () =>
          (await api<Counts>('GET', `${WS}/ladder/tiers`)).items.find((x) => x.tier === 'favorable')?.count,
        {
          timeout: 15_000,
        },
      )
      .toBe(1);
    const counts = await api<Counts>('GET', `${WS}/ladder/tiers`);

    await page.goto(`${server.url}/w/kocs/koc/ladder`);
    await page.getByTestId('ladder-count').first().waitFor();
    const shown = await page
      .getByTestId('ladder-count')
      .evaluateAll((els) =>
        els.map((el) => [
          el.getAttribute('data-tier'),
          Number(el.querySelector('[data-testid="ladder-count-value"]')!.textContent!.replace(/\D/g, '')),
        ]),
      );
    expect(shown).toEqual(counts.items.map((c) => [c.tier, c.count]));
    expect(shown.find(([tier]) => tier === 'favorable')).toEqual(['favorable', 1]);
    expect(await page.getByTestId('ladder-funnel').locator('canvas').count()).toBeGreaterThan(0);
    await page.getByTestId('ladder-flow').locator('canvas').waitFor();
  });

  it('shows a koc-role member only its own KOC', async () => {
    const member = await api<{ userId: string }>('POST', `${WS}/members`, { ...KOC_MEMBER, role: 'koc' });
    await api('PUT', `${WS}/members/${member.userId}/koc`, { kocId: kocIds.A });
    const other = await openPage(browser);
    try {
      await login(other.page, server.url, KOC_MEMBER);
      await other.page.goto(`${server.url}/w/kocs/koc/selection`);
      await other.page.getByTestId('my-koc-name').waitFor();
      expect(await other.page.getByTestId('my-koc-name').textContent()).toContain('达人A');
      expect(await other.page.getByTestId('my-koc-fans').textContent()).toBe('6');
      expect(await other.page.getByTestId('koc-tab-selection').count()).toBe(0);
      expect(await other.page.getByTestId('koc-selection').count()).toBe(0);
      // Only the sections a KOC can use are offered; a link to another one lands on its own page.
      const nav = await other.page
        .getByTestId('sidenav')
        .locator('a')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')));
      expect(nav).toEqual(['nav-overview', 'nav-koc', 'nav-settings']);
      await other.page.goto(`${server.url}/w/kocs/audience/contacts`);
      await other.page.waitForURL(`${server.url}/w/kocs/koc`);
      await other.page.getByTestId('my-koc-name').waitFor();
      expect(other.errors).toEqual([]);
    } finally {
      await other.context.close();
    }
  });

  it('raised no script errors', () => {
    expect(errors).toEqual([]);
  });
});
