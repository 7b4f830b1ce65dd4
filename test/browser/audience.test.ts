// The audience section in the browser: importing contacts (with a bad row) and events through the UI,
// the contact list and drawer, a segment typed with its live count, a syntax error pointed at, saving.
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

// Line 6 has a phone that is no mobile number: it is reported and the other four rows are imported.
const CONTACTS_CSV = [
  'external_id,name,phone,city,birth_year,tags,level',
  'u1,小红,13800138001,上海,1995,宝妈;美妆,3',
  'u2,小蓝,13800138002,北京,1988,宝妈,1',
  'u3,小绿,13800138003,上海,2001,学生,2',
  'u4,小紫,13800138004,上海,1992,宝妈,5',
  'u5,坏行,12345,上海,1990,宝妈,1',
].join('\n');

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
const EVENTS_JSONL = [
  { id: 'e1', contact: 'u1', type: 'order', at: daysAgo(2), props: { sku: 'A1' } },
  { id: 'e2', contact: 'u4', type: 'order', at: daysAgo(40), props: { sku: 'A1' } },
  { id: 'e3', contact: 'u3', type: 'read', at: daysAgo(1), props: {} },
]
  .map((e) => JSON.stringify(e))
  .join('\n');

async function upload(page: Page, kind: 'contacts' | 'events', name: string, text: string) {
  await page.getByTestId('import-kind').selectOption(kind);
  await page.getByTestId('import-file').setInputFiles({
    name,
    mimeType: kind === 'contacts' ? 'text/csv' : 'application/x-ndjson',
    buffer: Buffer.from(text, 'utf8'),
  });
  await page.getByTestId('import-submit').click();
  const result = page.getByTestId('import-result');
  await result.filter({ hasText: name }).waitFor();
  return result;
}

/** Types like a person (key by key) and waits for the count of exactly this text. */
async function typeAndCount(page: Page, expression: string): Promise<string> {
  const field = page.getByTestId('segment-expression');
  await field.fill('');
  await field.pressSequentially(expression, { delay: 15 });
  const badge = page.locator(
    `[data-testid="segment-count"][data-state="ok"][data-expression=${JSON.stringify(expression)}]`,
  );
  await badge.waitFor();
  return (await badge.textContent()) ?? '';
}

describe('console audience', () => {
  it('imports contacts and events, lists them, and builds a segment with a live count', async () => {
    const { context, page, errors } = await openPage(browser);
    await login(page, server.url);
    const created = await apiFromPage(page, 'POST', '/api/v1/workspaces', { slug: 'moms', name: '宝妈社群' });
    expect(created.status).toBe(201);
    await page.goto(`${server.url}/w/moms/audience/import`);

    // Contacts: four imported, the bad row reported by its line and reason.
    const result = await upload(page, 'contacts', 'contacts.csv', CONTACTS_CSV);
    expect(await result.getByTestId('import-imported').textContent()).toBe('4');
    expect(await result.getByTestId('import-failed').textContent()).toBe('1');
    const bad = result.getByTestId('import-error-row');
    expect(await bad.count()).toBe(1);
    expect(await bad.getByTestId('import-error-line').textContent()).toBe('6');
    expect(await bad.getByTestId('import-error-reason').textContent()).toContain('invalid phone "12345"');
    await page.screenshot({ path: '/tmp/audience-import.png', fullPage: true });

    // Events (JSONL) for the behaviour conditions below.
    const events = await upload(page, 'events', 'events.jsonl', EVENTS_JSONL);
    expect(await events.getByTestId('import-ingested').textContent()).toBe('3');

    // The list: newest first, searchable; the drawer shows fields, attributes, tags and events.
    await page.getByTestId('audience-tab-contacts').click();
    await page.waitForURL(/\/audience\/contacts$/);
    await expect.poll(() => page.getByTestId('contact-row').count()).toBe(4);
    await page.getByTestId('contacts-search').fill('小红');
    await expect.poll(() => page.getByTestId('contact-row').count()).toBe(1);
    const row = page.locator('[data-testid="contact-row"][data-external-id="u1"]');
    expect(await row.getByTestId('contact-phone').textContent()).toBe('+8613800138001');
    await row.click();
    const drawer = page.getByTestId('contact-drawer');
    await drawer.getByTestId('contact-event').first().waitFor();
    expect(await drawer.getByTestId('contact-attrs').textContent()).toContain('level');
    // The order also promoted u1 on the fan ladder: its tier_changed event follows the order.
    const timeline = (await drawer.getByTestId('contact-event').allTextContents()).join('\n');
    expect(timeline).toContain('order');
    expect(timeline).toContain('tier_changed');
    await drawer.getByTestId('contact-tag-input').fill('高价值');
    await drawer.getByTestId('contact-tag-input').press('Enter');
    await drawer.getByTestId('contact-tag').filter({ hasText: '高价值' }).waitFor();
    expect(await drawer.getByTestId('contact-tag').count()).toBe(3);
    await page.screenshot({ path: '/tmp/audience-contact.png' });
    await page.keyboard.press('Escape');

    // Tags with their member counts and the chart; an event rule tags recent buyers at once.
    await page.getByTestId('audience-tab-tags').click();
    const moms = page.locator('[data-testid="tag-row"][data-name="宝妈"]');
    await expect.poll(() => moms.getByTestId('tag-members').textContent()).toBe('3 人');
    await page.getByTestId('tag-chart').locator('svg').waitFor();
    await page.screenshot({ path: '/tmp/audience-tags.png' });
    await page.getByTestId('audience-tab-rules').click();
    await page.getByTestId('rule-name').fill('近期下单');
    await page.getByTestId('rule-tag').fill('近期下单');
    await page.getByTestId('rule-event-type').fill('order');
    await page.getByTestId('rule-within-days').fill('30');
    await page.getByTestId('rule-submit').click();
    expect(await page.getByTestId('rules-notice').textContent()).toContain('1 位联系人');
    const rule = page.locator('[data-testid="rule-row"][data-name="近期下单"]');
    await rule.getByTestId('rule-toggle').click();
    await expect.poll(() => rule.getByTestId('rule-status').textContent()).toBe('已停用');
    await page.screenshot({ path: '/tmp/audience-rules.png' });

    // Segments: the count follows the expression as it is typed.
    await page.getByTestId('audience-tab-segments').click();
    expect(await typeAndCount(page, 'tag:宝妈')).toBe('3 人');
    expect(await typeAndCount(page, 'tag:宝妈 AND city = "上海"')).toBe('2 人');
    expect(await typeAndCount(page, 'did order within 30d')).toBe('1 人');
    expect(await typeAndCount(page, 'tag:近期下单')).toBe('1 人');
    expect(await typeAndCount(page, 'birth_year >= 1995 OR tag:高价值')).toBe('2 人');

    // A bad expression: the error sits under the field and marks the character the parser stopped at.
    const field = page.getByTestId('segment-expression');
    await field.fill('');
    await field.pressSequentially('birth_year >= abc', { delay: 15 });
    const error = page.getByTestId('segment-error');
    await error.waitFor();
    expect(await error.getAttribute('data-position')).toBe('15');
    expect(await error.getByTestId('segment-error-position').textContent()).toContain('15');
    expect(await error.getByTestId('segment-error-mark').textContent()).toBe('a');
    expect(await error.getByTestId('segment-error-message').textContent()).toContain('number');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: '/tmp/audience-segment-error.png' });

    // Save a valid one: it is listed with its count, and its members page shows the two contacts.
    expect(await typeAndCount(page, 'tag:宝妈 AND city = "上海"')).toBe('2 人');
    await page.getByTestId('segment-name').fill('shanghai-moms');
    await page.getByTestId('segment-save').click();
    const saved = page.locator('[data-testid="segment-row"][data-name="shanghai-moms"]');
    await expect.poll(() => saved.getByTestId('segment-row-count').textContent()).toBe('2');
    const members = page.getByTestId('segment-members');
    await expect.poll(() => members.getByTestId('segment-member-row').count()).toBe(2);
    expect(await members.getByTestId('segment-members-total').textContent()).toBe('2');
    expect(await saved.getByTestId('segment-export').getAttribute('href')).toBe(
      '/api/v1/workspaces/moms/segments/shanghai-moms/export',
    );
    await page.screenshot({ path: '/tmp/audience-segments.png', fullPage: true });

    // An analyst reads the same audience with phones masked, and is offered no import or save.
    const analyst = { email: 'analyst@guimi.test', password: 'analyst-password-1' };
    const added = await apiFromPage(page, 'POST', '/api/v1/workspaces/moms/members', {
      ...analyst,
      role: 'analyst',
    });
    expect(added.status).toBe(201);
    const second = await openPage(browser);
    await login(second.page, server.url, analyst);
    await second.page.goto(`${server.url}/w/moms/audience/contacts`);
    const masked = second.page.locator('[data-testid="contact-row"][data-external-id="u1"]');
    expect(await masked.getByTestId('contact-phone').textContent()).toBe('+86 138****8001');
    await second.page.getByTestId('audience-tab-import').click();
    expect(await second.page.getByTestId('import-panel').textContent()).toContain('只能查看');
    await second.page.getByTestId('audience-tab-segments').click();
    expect(await typeAndCount(second.page, 'segment:shanghai-moms')).toBe('2 人');
    expect(await second.page.getByTestId('segment-save').count()).toBe(0);
    expect(second.errors).toEqual([]);
    await second.context.close();

    expect(errors).toEqual([]);
    await context.close();
  });
});
