// The channels section in the browser: WeCom connected from the console against the fake WeCom server
// (the callback URL shown, secrets never shown back, the check says what works, and a signed callback to
// the shown path is accepted); a Wechaty robot on wechaty-puppet-mock logged in through the login QR
// drawn in the page, then logged out; a channel code for a KOC with its QR image, PNG / SVG downloads
// and stats after a scan, a group code rotated by hand; a keyword auto-reply written, a test message
// answered by it, the rule edited and deleted.
//
// wechaty-puppet-mock does nothing on its own when started (its Mocker waits to be told): the test makes
// every Mocker show a login QR when it starts, as WeChat would, and logs the robot in itself.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { types } from 'wechaty';
import { mock } from 'wechaty-puppet-mock';
import { FakeWecom } from '../support/fake-wecom.js';
import { startTestServer } from '../support/server.js';
import { apiFromPage, launchChromium, login, OWNER, openPage } from './browser.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let fake: FakeWecom;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
const WS = '/api/v1/workspaces/chn';
const LOGIN_QR = 'https://login.weixin.qq.com/l/guimi-browser-test';
const mockers: mock.Mocker[] = [];
const mockerStart = mock.Mocker.prototype.start;
/** Polls longer than vitest's 1 s default: the page polls the robot's status every 2 s, and CI is slow. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000 });

beforeAll(async () => {
  mock.Mocker.prototype.start = function start(this: mock.Mocker) {
    mockerStart.call(this);
    mockers.push(this);
    this.scan(LOGIN_QR, types.ScanStatus.Waiting);
  };
  fake = await new FakeWecom().start();
  fake.staff.add('zhangsan');
  server = await startTestServer({ demo: false, adminEmail: OWNER.email, adminPassword: OWNER.password });
  browser = await launchChromium();
  ({ context, page, errors } = await openPage(browser));
  await login(page, server.url);
  const ws = await apiFromPage(page, 'POST', '/api/v1/workspaces', { slug: 'chn', name: '渠道测试' });
  expect(ws.status).toBe(201);
  for (const [path, body] of [
    ['simulator/accounts', { name: '小助手' }],
    ['kocs', { kind: 'user', name: '小美' }],
    ['scripts', { name: '价格表', purpose: 'after_sales', body: '亲，价格表发你啦' }],
  ] as const)
    expect((await apiFromPage(page, 'POST', `${WS}/${path}`, body)).status).toBe(201);
});

afterAll(async () => {
  mock.Mocker.prototype.start = mockerStart;
  await context?.close();
  await browser?.close();
  await server?.close();
  await fake?.stop();
});

describe('console channels', () => {
  it('connects WeCom and shows the callback URL and what works', async () => {
    await page.goto(`${server.url}/w/chn/channels/accounts`);
    await page.getByTestId('wecom-setup').waitFor();
    await page.getByTestId('wecom-corp-id').fill(fake.corpId);
    await page.getByTestId('wecom-agent-id').fill('1000002');
    await page.getByTestId('wecom-secret').fill(fake.secret);
    await page.getByTestId('wecom-token').fill(fake.token);
    await page.getByTestId('wecom-aes-key').fill(fake.aesKey);
    await page.getByTestId('wecom-api-base').fill(fake.url);
    await page.getByTestId('wecom-submit').click();
    const url = page.getByTestId('wecom-callback-url');
    await url.waitFor();
    const callbackUrl = (await url.textContent())!;
    expect(callbackUrl).toMatch(new RegExp(`^${server.url}/wecom/callback/[A-Za-z0-9_-]{20,}$`));
    const shown = await page.getByTestId('accounts-panel').textContent();
    for (const secret of [fake.secret, fake.token, fake.aesKey]) expect(shown).not.toContain(secret);

    await page.getByTestId('wecom-check').click();
    const result = page.getByTestId('wecom-check-result');
    await result.waitFor();
    expect(await result.getAttribute('data-ok')).toBe('true');
    expect(await page.getByTestId('wecom-check-line').allTextContents()).toEqual([
      expect.stringContaining('gettoken'),
      expect.stringContaining('get_follow_user_list'),
      expect.stringContaining('list'),
    ]);
    // The URL the page shows is the one WeCom's signed callbacks are accepted at.
    const cb = fake.callback(fake.scan('zhangsan', 'wmFan1', '小红'));
    const res = await fetch(`${callbackUrl}?${cb.query}`, { method: 'POST', body: cb.body });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('success');
    await page.screenshot({ path: '/tmp/channels-accounts.png', fullPage: true });
  });

  it('logs a Wechaty robot in with the QR shown in the page, then out', async () => {
    await page.getByTestId('bot-name').fill('小美的微信');
    await page.getByTestId('bot-puppet').selectOption('wechaty-puppet-mock');
    await page.getByTestId('bot-add').click();
    const row = page.locator('[data-testid="bot-row"][data-name="小美的微信"]');
    await row.waitFor();
    expect(await row.getByTestId('bot-status').getAttribute('data-status')).toBe('logged_out');
    await row.getByTestId('bot-start').click();
    const qr = row.getByTestId('bot-qr');
    await qr.waitFor();
    await poll(() => qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(400);
    expect(await row.getByTestId('bot-status').getAttribute('data-status')).toBe('scanning');
    await page.screenshot({ path: '/tmp/channels-wechaty-qr.png', fullPage: true });

    const mocker = mockers.at(-1)!;
    mocker.login(mocker.createContact({ name: '小美' }));
    await poll(() => row.getByTestId('bot-status').getAttribute('data-status')).toBe('logged_in');
    expect(await qr.count()).toBe(0);
    await row.getByTestId('bot-stop').click();
    await poll(() => row.getByTestId('bot-status').getAttribute('data-status')).toBe('logged_out');
    await row.getByTestId('bot-start').waitFor();
  });

  it('creates a channel code with its QR image, downloads and stats', async () => {
    await page.getByTestId('channels-tab-codes').click();
    await page.getByTestId('code-form').waitFor();
    await page.getByTestId('code-name').fill('小美领券码');
    await page.getByTestId('code-scene').selectOption('coupon');
    await page.getByTestId('code-koc').selectOption({ label: '小美' });
    await page.getByTestId('code-script').selectOption({ label: '价格表' });
    await page.getByTestId('code-tags').fill('领券, 新粉');
    await page.locator('[data-testid="code-account"][data-name="小助手"]').check();
    await page.getByTestId('code-submit').click();
    const row = page.locator('[data-testid="code-row"][data-name="小美领券码"]');
    await row.waitFor();
    await poll(() => row.getByTestId('code-qr').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(
      512,
    );
    const png = await row.getByTestId('code-download-png').getAttribute('href');
    const svg = await row.getByTestId('code-download-svg').getAttribute('href');
    expect(png).toMatch(/\/acquisition\/codes\/[^/]+\/qr\.png$/);
    const types_ = await page.evaluate(
      async (paths) => Promise.all(paths.map(async (p) => (await fetch(p)).headers.get('content-type'))),
      [png!, svg!],
    );
    expect(types_).toEqual(['image/png', 'image/svg+xml']);

    // A fan scans it on the simulator: the stats count the add and the attribution to 小美.
    const codes = await apiFromPage<{ items: { name: string; token: string }[] }>(
      page,
      'GET',
      `${WS}/acquisition/codes`,
    );
    const token = codes.data.items.find((c) => c.name === '小美领券码')!.token;
    const scan = await apiFromPage(page, 'POST', `${WS}/acquisition/simulator/scan`, {
      token,
      fan: { externalId: 'fan-1', name: '阿花' },
    });
    expect(scan.status).toBe(200);
    await row.getByTestId('code-stats-toggle').click();
    const stats = page.getByTestId('code-stats');
    await stats.waitFor();
    expect(await stats.getByTestId('stat-adds').textContent()).toBe('1');
    expect(await stats.getByTestId('stat-attributed').textContent()).toBe('1');
    await page.getByTestId('code-chart').locator('svg').waitFor();
    await page.screenshot({ path: '/tmp/channels-codes.png', fullPage: true });

    // A group code rotated by hand: its stats say the second group is now current, still empty.
    const robots = await apiFromPage<{ accounts: { id: string; name: string }[] }>(
      page,
      'GET',
      `${WS}/channels/accounts`,
    );
    const group = await apiFromPage<{ token: string }>(page, 'POST', `${WS}/acquisition/codes`, {
      name: '活动群码',
      scene: 'event',
      kind: 'group',
      groupCapacity: 2,
      accountIds: [robots.data.accounts.find((a) => a.name === '小助手')!.id],
    });
    expect(group.status).toBe(201);
    await apiFromPage(page, 'POST', `${WS}/acquisition/simulator/scan`, {
      token: group.data.token,
      fan: { externalId: 'fan-2', name: '小草' },
    });
    await page.getByTestId('channels-tab-accounts').click();
    await page.getByTestId('channels-tab-codes').click();
    const groupRow = page.locator('[data-testid="code-row"][data-name="活动群码"]');
    await groupRow.getByTestId('code-rotate').click();
    await poll(() => page.getByTestId('code-rotation').textContent()).toBe('当前第 2 个群：0 / 2 人');
  });

  it('adds, tests, edits and deletes a keyword auto-reply', async () => {
    await page.getByTestId('channels-tab-auto-reply').click();
    await page.getByTestId('rule-form').waitFor();
    await page.getByTestId('rule-name').fill('问价格');
    await page.getByTestId('rule-match').selectOption('contains');
    await page.getByTestId('rule-pattern').fill('多少钱');
    await page.getByTestId('rule-script').selectOption({ label: '价格表' });
    await page.getByTestId('rule-save').click();
    await page.locator('[data-testid="rule-row"][data-name="问价格"]').waitFor();

    await page.getByTestId('rule-test-text').fill('这个套装多少钱呀');
    await page.getByTestId('rule-test-submit').click();
    const result = page.getByTestId('rule-test-result');
    await poll(() => result.getAttribute('data-rule')).toBe('问价格');
    expect(await page.getByTestId('rule-test-reply').textContent()).toBe('亲，价格表发你啦');
    await page.getByTestId('rule-test-text').fill('你好');
    await page.getByTestId('rule-test-submit').click();
    await poll(() => result.getAttribute('data-rule')).toBe('');
    await page.screenshot({ path: '/tmp/channels-auto-reply.png', fullPage: true });

    // Edited to answer 价格 too, then deleted: the same message meets it, then nothing.
    const rule = page.locator('[data-testid="rule-row"][data-name="问价格"]');
    await rule.getByTestId('rule-edit').click();
    await page.getByTestId('rule-match').selectOption('regex');
    await page.getByTestId('rule-pattern').fill('多少钱|价格');
    await page.getByTestId('rule-save').click();
    await poll(() => rule.locator('code').textContent()).toBe('多少钱|价格');
    await page.getByTestId('rule-test-text').fill('价格表有吗');
    await page.getByTestId('rule-test-submit').click();
    await poll(() => result.getAttribute('data-rule')).toBe('问价格');
    await rule.getByTestId('rule-delete').click();
    await rule.getByTestId('rule-delete').click(); // the second click confirms
    await rule.waitFor({ state: 'detached' });
    await page.getByTestId('rule-test-submit').click();
    await poll(() => result.getAttribute('data-rule')).toBe('');
    expect(errors).toEqual([]);
  });
});
