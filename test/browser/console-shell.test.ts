// The console shell end to end: login, workspace switching, language, routing and logout.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/server.js';
import { apiFromPage, launchChromium, login, OWNER, openPage } from './browser.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ demo: true, adminEmail: OWNER.email, adminPassword: OWNER.password });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('console shell', () => {
  it('refuses wrong credentials with a visible message and no session', async () => {
    const { context, page, errors } = await openPage(browser);
    await page.goto(`${server.url}/w/demo`);
    await page.waitForURL(/\/login\?next=%2Fw%2Fdemo$/);
    await page.getByTestId('login-email').fill(OWNER.email);
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('error-banner').textContent()).toContain('邮箱或密码不正确');
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('logs in, switches workspace and language, and logs out', async () => {
    const { context, page, errors } = await openPage(browser);
    await login(page, server.url);
    await page.getByTestId('overview').waitFor();

    // The demo workspace opens first, in Chinese.
    expect(new URL(page.url()).pathname).toBe('/w/demo');
    const demo = await apiFromPage<{ name: string; role: string }>(page, 'GET', '/api/v1/workspaces/demo');
    expect(demo.status).toBe(200);
    expect(await page.getByTestId('current-workspace').textContent()).toBe(demo.data.name);
    expect(await page.getByTestId('ws-slug').textContent()).toBe('demo');
    expect(await page.getByTestId('ws-role').textContent()).toContain('所有者');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.getByTestId('nav-audience').textContent()).toBe('受众');

    // A workspace created through the API appears in the switcher once it is opened.
    const created = await apiFromPage<{ slug: string; role: string }>(page, 'POST', '/api/v1/workspaces', {
      slug: 'spring-sale',
      name: '春季大促 Spring Sale',
      timezone: 'Europe/Paris',
    });
    expect(created.status).toBe(201);
    expect(created.data.role).toBe('owner');

    // Switching keeps the section: members of demo → members of spring-sale.
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-tab-members').click();
    await page.waitForURL(/\/w\/demo\/settings\/members$/);
    await page.getByTestId('workspace-switcher').click();
    await page.locator('[data-testid="workspace-option"][data-slug="spring-sale"]').click();
    await page.waitForURL(/\/w\/spring-sale\/settings\/members$/);
    expect(await page.getByTestId('current-workspace').textContent()).toBe('春季大促 Spring Sale');
    await page.locator(`[data-testid="member-row"][data-email="${OWNER.email}"]`).waitFor();
    expect(await page.getByTestId('member-row').count()).toBe(1);

    // Overview of the new workspace shows its own facts.
    await page.getByTestId('nav-overview').click();
    await page.waitForURL(/\/w\/spring-sale$/);
    expect(await page.getByTestId('ws-slug').textContent()).toBe('spring-sale');
    expect(await page.getByTestId('ws-timezone').textContent()).toBe('Europe/Paris');

    // English labels, <html lang>, and the choice survives a reload.
    await page.getByTestId('lang-en').click();
    expect(await page.getByTestId('nav-audience').textContent()).toBe('Audience');
    expect(await page.getByTestId('ws-role').textContent()).toContain('Owner');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await page.getByTestId('overview').waitFor();
    expect(await page.getByTestId('nav-settings').textContent()).toBe('Settings');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    // A domain not built yet says so instead of showing data.
    await page.getByTestId('nav-campaigns').click();
    await page.waitForURL(/\/w\/spring-sale\/campaigns$/);
    expect(await page.getByTestId('coming-soon').textContent()).toContain('Coming in a later release');

    await page.getByTestId('nav-overview').click();
    await page.getByTestId('overview').waitFor();
    await page.screenshot({ path: '/tmp/console.png' });

    // Browser history moves between sections.
    await page.goBack();
    await page.waitForURL(/\/w\/spring-sale\/campaigns$/);
    await page.getByTestId('coming-soon').waitFor();

    // An unknown workspace is named as not found, not shown empty.
    await page.goto(`${server.url}/w/no-such-space`);
    expect(await page.getByTestId('not-found').textContent()).toContain('no-such-space');

    await page.goto(`${server.url}/w/spring-sale`);
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login$/);
    expect(await page.getByTestId('login-submit').textContent()).toBe('Sign in');
    const me = await page.evaluate(async () => (await fetch('/api/v1/me')).status);
    expect(me).toBe(401);
    expect(errors).toEqual([]);
    await context.close();
  });
});
