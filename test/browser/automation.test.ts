// The content and automation sections in the browser: a poster uploaded and shown as a thumbnail, a script
// written with a syntax error pointed at, then saved and previewed for a fan; guardrails changed; a flow
// created in the editor (a bad step time shown on its card first), activated, rehearsed for a simulated
// day, and its real touches seen in the delivery log and the simulator's inbox; a manual flow posting to a
// group picked from the list, started by hand once per click of "Start now".
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/server.js';
import { apiFromPage, launchChromium, login, OWNER, openPage } from './browser.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
let robotId = '';
const WS = '/api/v1/workspaces/sop';
const ZONE = 'Asia/Shanghai';

const CONTACTS_CSV = [
  'external_id,name,city,tags',
  'u1,小红,上海,宝妈',
  'u2,小蓝,北京,宝妈',
  'u3,小绿,杭州,宝妈',
].join('\n');

/** "YYYY-MM-DD HH:MM" in the workspace's zone, `minutes` from now. */
function localTime(minutes: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(Date.now() + minutes * 60_000));
  const p = (type: string) => parts.find((x) => x.type === type)!.value;
  return `${p('year')}-${p('month')}-${p('day')} ${p('hour')}:${p('minute')}`;
}

beforeAll(async () => {
  server = await startTestServer({ demo: false, adminEmail: OWNER.email, adminPassword: OWNER.password });
  browser = await launchChromium();
  ({ context, page, errors } = await openPage(browser));
  await login(page, server.url);
  const ws = await apiFromPage(page, 'POST', '/api/v1/workspaces', {
    slug: 'sop',
    name: '宝妈 SOP',
    timezone: ZONE,
  });
  expect(ws.status).toBe(201);
  // Three fans (tagged 宝妈) and a simulator robot they are friends of.
  const imported = await page.evaluate(
    async ({ path, csv }) => {
      const me = (await (await fetch('/api/v1/me')).json()) as { csrfToken: string };
      const res = await fetch(path, {
        method: 'POST',
        headers: { 'Content-Type': 'text/csv', 'X-CSRF-Token': me.csrfToken },
        body: csv,
      });
      return res.status;
    },
    { path: `${WS}/imports/contacts`, csv: CONTACTS_CSV },
  );
  expect(imported).toBe(200);
  const robot = await apiFromPage<{ id: string }>(page, 'POST', `${WS}/simulator/accounts`, {
    name: '小助手',
  });
  expect(robot.status).toBe(201);
  robotId = robot.data.id;
  const friends = await apiFromPage<{ added: number }>(
    page,
    'POST',
    `${WS}/simulator/accounts/${robotId}/friends`,
    {
      segment: 'tag:宝妈',
    },
  );
  expect(friends.data.added).toBe(3);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe('console content and automation', () => {
  it('uploads a poster, and writes, checks and previews a script', async () => {
    await page.goto(`${server.url}/w/sop/content/materials`);
    await page.getByTestId('materials-upload').click();
    // A real PNG drawn on a canvas, uploaded as multipart/form-data.
    const png = await page.evaluate(() => {
      const c = document.createElement('canvas');
      c.width = 320;
      c.height = 200;
      const g = c.getContext('2d')!;
      g.fillStyle = '#c0265f';
      g.fillRect(0, 0, 320, 200);
      g.fillStyle = '#fff';
      g.font = '48px sans-serif';
      g.fillText('新品海报', 60, 120);
      return c.toDataURL('image/png').split(',')[1]!;
    });
    await page.getByTestId('upload-file').setInputFiles({
      name: 'poster.png',
      mimeType: 'image/png',
      buffer: Buffer.from(png, 'base64'),
    });
    await page.getByTestId('upload-kind').selectOption('poster');
    await page.getByTestId('upload-title').fill('春季新品海报');
    await page.getByTestId('upload-tags').fill('新品, 春季');
    await page.getByTestId('upload-submit').click();
    const card = page.locator('[data-testid="material-card"][data-title="春季新品海报"]');
    await card.waitFor();
    expect(await card.getAttribute('data-kind')).toBe('poster');
    // The thumbnail is the file itself, served by the file route.
    await expect
      .poll(() => card.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBe(320);
    await page.screenshot({ path: '/tmp/content-materials.png' });

    await page.getByTestId('content-tab-scripts').click();
    await page.getByTestId('scripts-new').click();
    await page.getByTestId('script-name').fill('新粉欢迎');
    await page.getByTestId('script-purpose').selectOption('welcome');
    await page.getByTestId('script-body').fill('亲爱的{{contact.name');
    await page.getByTestId('script-save').click();
    // The unclosed "{{" is marked where the server found it (character 4).
    await page.getByTestId('script-error').waitFor();
    expect(await page.getByTestId('mark-error').textContent()).toBe('{');
    await page.getByTestId('script-body').fill('');
    await page.getByTestId('script-body').fill('亲爱的');
    await page.getByTestId('var-contact.name').click();
    await page.getByTestId('script-body').press('End');
    await page.getByTestId('script-body').pressSequentially('，欢迎来到宝妈社群！');
    expect(await page.getByTestId('script-body').inputValue()).toBe(
      '亲爱的{{contact.name}}，欢迎来到宝妈社群！',
    );
    await page.getByTestId('script-save').click();
    await page.locator('[data-testid="script-item"][data-name="新粉欢迎"]').waitFor();
    await page.getByTestId('preview-external-id').fill('u1');
    await page.getByTestId('preview-submit').click();
    await expect
      .poll(() => page.getByTestId('preview-text').textContent())
      .toBe('亲爱的小红，欢迎来到宝妈社群！');
    // Chinese search finds it by a word of its body.
    await page.getByTestId('scripts-search').fill('宝妈社群');
    await expect.poll(() => page.getByTestId('script-item').count()).toBe(1);
    await page.screenshot({ path: '/tmp/content-scripts.png' });
  });

  it('creates a flow on the timeline, activates it, rehearses a day and sees its touches', async () => {
    // Quiet hours off, so the real send below goes whatever the hour.
    await page.goto(`${server.url}/w/sop/automation/guardrails`);
    await page.getByTestId('gr-quiet-enabled').uncheck();
    await page.getByTestId('gr-save').click();
    await page.getByTestId('gr-saved').waitFor();

    await page.getByTestId('automation-tab-flows').click();
    await page.getByTestId('flow-new').click();
    await page.getByTestId('flow-name').fill('宝妈欢迎 SOP');
    await page.getByTestId('trigger-type').selectOption('date');
    // Fires a few minutes from now: the rehearsal below runs before, the real engine at that minute.
    await page.getByTestId('trigger-at').fill(localTime(3));
    await page.getByTestId('flow-audience').fill('tag:宝妈');
    await page.getByTestId('flow-account').fill(robotId);
    await page.getByTestId('add-step-send').click();
    const step = page.locator('[data-testid="step-card"][data-step-id="send1"]');
    await step.getByTestId('step-script').selectOption({ label: '新粉欢迎' });
    await step.getByTestId('step-at').fill('tomorrow');
    await page.getByTestId('flow-save').click();
    // The server's issue for steps[0].at lands on that step's card.
    await step.getByTestId('step-error').waitFor();
    await step.getByTestId('step-at').fill('day 0');
    await page.getByTestId('flow-save').click();
    await expect.poll(() => page.getByTestId('flow-status').getAttribute('data-status')).toBe('draft');
    await step.getByTestId('step-error').waitFor({ state: 'detached' });
    await page.getByTestId('flow-activate').click();
    await expect.poll(() => page.getByTestId('flow-status').getAttribute('data-status')).toBe('active');
    expect(await page.getByTestId('timeline-day').first().textContent()).toContain('第 0 天');
    await page.screenshot({ path: '/tmp/automation-flow-editor.png', fullPage: true });

    // A simulated day on a copy of the workspace: the flow fires and each fan gets the message.
    await page.getByTestId('automation-tab-simulator').click();
    await page.getByTestId('sim-run-button').click();
    const row = page.locator('[data-testid="sim-step-row"][data-flow="宝妈欢迎 SOP"][data-step="send1"]');
    await row.waitFor({ timeout: 120_000 });
    expect(await row.locator('td.num').textContent()).toBe('3');
    await page.getByTestId('sim-chart').locator('svg').waitFor();
    await page.screenshot({ path: '/tmp/automation-simulate.png', fullPage: true });

    // The real engine fires at the trigger's minute; the delivery log then shows the three sends.
    await page.getByTestId('automation-tab-deliveries').click();
    await page.getByTestId('dl-flow').selectOption({ label: '宝妈欢迎 SOP' });
    await expect
      .poll(
        async () => {
          await page.getByTestId('dl-refresh').click();
          return page.locator('[data-testid="touch-row"][data-state="sent"]').count();
        },
        { timeout: 300_000, interval: 5_000 },
      )
      .toBe(3);
    expect(await page.getByTestId('touch-row').first().textContent()).toContain('欢迎来到宝妈社群');
    await page.screenshot({ path: '/tmp/automation-deliveries.png', fullPage: true });

    // The robot's messages in the simulator's inbox, and each fan's run completed.
    await page.getByTestId('automation-tab-simulator').click();
    await expect
      .poll(() => page.locator('[data-testid="inbox-message"][data-direction="out"]').count())
      .toBe(3);
    await page.screenshot({ path: '/tmp/automation-inbox.png', fullPage: true });
    await page.getByTestId('automation-tab-flows').click();
    await page.locator('[data-testid="flow-row"][data-name="宝妈欢迎 SOP"]').click();
    await expect.poll(() => page.locator('[data-testid="run-row"][data-state="completed"]').count()).toBe(3);
    expect(errors).toEqual([]);
  }, 480_000);

  it('starts a manual flow that posts to a group picked from the list', async () => {
    const group = await apiFromPage(page, 'POST', `${WS}/simulator/accounts/${robotId}/groups`, {
      name: '宝妈交流群',
      segment: 'tag:宝妈',
    });
    expect(group.status).toBe(201);
    await page.goto(`${server.url}/w/sop/automation/flows`);
    await page.getByTestId('flow-new').click();
    await page.getByTestId('flow-name').fill('群公告');
    await page.getByTestId('trigger-type').selectOption('manual');
    await page.getByTestId('add-step-group').click();
    const step = page.locator('[data-testid="step-card"][data-step-id="group1"]');
    await step.getByTestId('step-group').selectOption({ label: '宝妈交流群 · 小助手 · 3 人' });
    await step.getByTestId('step-text').fill('今晚八点群里见');
    await page.getByTestId('flow-save').click();
    await expect.poll(() => page.getByTestId('flow-status').getAttribute('data-status')).toBe('draft');
    expect(await page.getByTestId('flow-start').count()).toBe(0);
    await page.getByTestId('flow-activate').click();
    await expect.poll(() => page.getByTestId('flow-status').getAttribute('data-status')).toBe('active');
    expect(await step.textContent()).toContain('宝妈交流群');

    // A double click on the dialog's button starts the flow once: one broadcast run, one touch.
    await page.getByTestId('flow-start').click();
    await page.getByTestId('start-submit').dblclick();
    await expect.poll(() => page.getByTestId('flow-notice').textContent()).toContain('新加入 1 人');
    await expect.poll(() => page.getByTestId('run-row').count()).toBe(1);
    // Started again (a new key): the re-entry rule "never" leaves the run that already went.
    await page.getByTestId('flow-start').click();
    await page.getByTestId('start-submit').click();
    await expect.poll(() => page.getByTestId('flow-notice').textContent()).toContain('新加入 0 人');
    const flows = await apiFromPage<{ items: { id: string; name: string }[] }>(page, 'GET', `${WS}/flows`);
    const id = flows.data.items.find((f) => f.name === '群公告')!.id;
    const touches = await apiFromPage<{ items: { groupId: string | null }[] }>(
      page,
      'GET',
      `${WS}/touches?flowId=${id}`,
    );
    expect(touches.data.items).toHaveLength(1);
    await page.screenshot({ path: '/tmp/automation-manual-start.png', fullPage: true });
    expect(errors).toEqual([]);
  });
});
