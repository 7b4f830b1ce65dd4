// Settings in the browser: creating a workspace, members, API tokens, the audit log, and what a
// non-owner is shown.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/server.js';
import { apiFromPage, launchChromium, login, OWNER, openPage } from './browser.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ demo: false, adminEmail: OWNER.email, adminPassword: OWNER.password });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const memberRow = (page: Page, email: string) =>
  page.locator(`[data-testid="member-row"][data-email="${email}"]`);
const tokenRow = (page: Page, name: string) => page.locator(`[data-testid="token-row"][data-name="${name}"]`);

describe('console settings', () => {
  it('lets an owner create a workspace and manage members, tokens and the audit log', async () => {
    const { context, page, errors } = await openPage(browser);
    await login(page, server.url);

    // With no workspace yet, the first-run page creates one; a bad slug is reported under its field.
    const firstRun = page.getByTestId('create-workspace-form');
    await firstRun.waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await firstRun.getByTestId('ws-create-name').fill('团队实验室 Team Lab');
    await firstRun.getByTestId('ws-create-slug').fill('x');
    await firstRun.getByTestId('ws-create-submit').click();
    expect(await firstRun.getByTestId('field-error').textContent()).toContain('slug');
    await firstRun.getByTestId('ws-create-slug').fill('team-lab');
    await firstRun.getByTestId('ws-create-submit').click();
    await page.waitForURL(/\/w\/team-lab$/);
    expect(await page.getByTestId('current-workspace').textContent()).toBe('团队实验室 Team Lab');

    // A second one from the switcher's dialog opens at once.
    await page.getByTestId('workspace-switcher').click();
    await page.getByTestId('workspace-new').click();
    const dialog = page.getByTestId('create-workspace-dialog');
    await dialog.getByTestId('ws-create-name').fill('Side Lab');
    await dialog.getByTestId('ws-create-slug').fill('side-lab');
    await dialog.getByTestId('ws-create-submit').click();
    await page.waitForURL(/\/w\/side-lab$/);
    expect(await page.getByTestId('current-workspace').textContent()).toBe('Side Lab');
    expect(await dialog.count()).toBe(0);

    // Members: a new email without a password is refused under the password field.
    await page.goto(`${server.url}/w/team-lab/settings/members`);
    await memberRow(page, OWNER.email).waitFor();
    const form = page.getByTestId('add-member-form');
    await page.getByTestId('member-email').fill('analyst@guimi.test');
    await form.locator('select').selectOption('analyst');
    await page.getByTestId('member-add-submit').click();
    const passwordError = form.getByTestId('field-error');
    await passwordError.waitFor();
    expect(await passwordError.textContent()).toContain('password');
    await form.locator('input[type="password"]').fill('analyst-password-1');
    await page.getByTestId('member-add-submit').click();
    await memberRow(page, 'analyst@guimi.test').waitFor();
    expect(await memberRow(page, 'analyst@guimi.test').getByTestId('member-role').inputValue()).toBe(
      'analyst',
    );

    // Change a role; a reload shows what the server stored.
    await page.getByTestId('member-email').fill('helper@guimi.test');
    await form.locator('input[type="password"]').fill('helper-password-1');
    await page.getByTestId('member-add-submit').click();
    await memberRow(page, 'helper@guimi.test').getByTestId('member-role').selectOption('operator');
    await page.reload();
    await memberRow(page, 'helper@guimi.test').waitFor();
    expect(await memberRow(page, 'helper@guimi.test').getByTestId('member-role').inputValue()).toBe(
      'operator',
    );

    // Remove asks for a second click.
    const remove = memberRow(page, 'helper@guimi.test').getByTestId('member-remove');
    await remove.click();
    expect(await page.getByTestId('member-row').count()).toBe(3);
    await remove.click();
    await memberRow(page, 'helper@guimi.test').waitFor({ state: 'detached' });
    expect(await page.getByTestId('member-row').count()).toBe(2);

    // Tokens: the secret is shown once, then the token is listed (without it) and can be revoked.
    await page.getByTestId('settings-tab-tokens').click();
    await page.waitForURL(/\/settings\/tokens$/);
    await page.getByTestId('token-name').fill('ci export');
    await page.getByTestId('token-role').selectOption('analyst');
    await page.getByTestId('token-create-submit').click();
    const secret = await page.getByTestId('token-secret').inputValue();
    expect(secret).toMatch(/^gm_/);
    await tokenRow(page, 'ci export').waitFor();
    expect(await tokenRow(page, 'ci export').textContent()).not.toContain(secret);
    await page.getByTestId('token-secret-done').click();
    expect(await page.getByTestId('token-secret-box').count()).toBe(0);
    const revoke = tokenRow(page, 'ci export').getByTestId('token-revoke');
    await revoke.click();
    await revoke.click();
    await expect.poll(() => tokenRow(page, 'ci export').textContent()).toContain('已吊销');

    // Audit: more entries than one page, walked with "load more".
    for (let i = 0; i < 50; i++) {
      const r = await apiFromPage(page, 'POST', '/api/v1/workspaces/team-lab/tokens', {
        name: `bulk ${i}`,
        role: 'koc',
      });
      expect(r.status).toBe(201);
    }
    await page.getByTestId('settings-tab-audit').click();
    await page.getByTestId('audit-more').waitFor();
    expect(await page.getByTestId('audit-row').count()).toBe(50);
    const total = await countAudit(page);
    expect(total).toBeGreaterThan(50);
    await page.getByTestId('audit-more').click();
    await expect.poll(() => page.getByTestId('audit-row').count()).toBe(total);
    expect(await page.getByTestId('audit-more').count()).toBe(0);
    expect(await page.getByTestId('audit-table').textContent()).toContain('member.add');

    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows an analyst only what the role may use', async () => {
    const { context, page, errors } = await openPage(browser);
    await login(page, server.url, { email: 'analyst@guimi.test', password: 'analyst-password-1' });
    await page.waitForURL(/\/w\/team-lab$/);
    expect(await page.getByTestId('ws-role').textContent()).toContain('分析师');
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('roles-panel').waitFor();
    expect(await page.locator('[data-testid^="settings-tab-"]').count()).toBe(1);
    // Even a typed URL for an owner-only tab falls back to what the role may see.
    await page.goto(`${server.url}/w/team-lab/settings/tokens`);
    await page.getByTestId('roles-panel').waitFor();
    expect(await page.getByTestId('tokens-panel').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});

/** The audit log's full length, read page by page from the API. */
async function countAudit(page: Page): Promise<number> {
  let count = 0;
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const r = await apiFromPage<{ items: unknown[]; nextCursor: string | null }>(
      page,
      'GET',
      `/api/v1/workspaces/team-lab/audit?limit=100${query}`,
    );
    count += r.data.items.length;
    cursor = r.data.nextCursor;
  } while (cursor);
  return count;
}
