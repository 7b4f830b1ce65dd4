// The script library on both stores: save with template and sensitive checks, search, preview, CLI.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, seedWorkspace, type TestApp } from '../../../test/support/app.js';
import { openTestStore, storeKinds, tempDir, type TestStore } from '../../../test/support/stores.js';
import { createContact } from '../../audience/contacts/create-contact.js';
import { runCli } from '../../cli/main.js';
import { checkSensitive } from '../sensitive/check-sensitive.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe.each(storeKinds())('script library on $title', ({ name, skip }) => {
  let store: TestStore;
  let t: TestApp;
  let token: string;
  let wsId: string;
  let dataDir: string;
  const ws = '/api/v1/workspaces/bloom';
  const post = (path: string, body: unknown) => call(t.app, 'POST', `${ws}${path}`, token, body);
  const get = async (path: string) =>
    (await call(t.app, 'GET', `${ws}${path}`, token)).json() as Promise<Json>;

  beforeAll(async () => {
    if (skip) return;
    store = await openTestStore(name);
    dataDir = tempDir('guimi-files-');
    t = createTestApp(store, { env: { GUIMI_DATA_DIR: dataDir } });
    const seeded = await seedWorkspace(store, 'bloom');
    token = seeded.tokens.operator;
    wsId = seeded.ws.id;
    const words = [
      { word: '最便宜', level: 'block' },
      { word: '国家级', level: 'block' },
      { word: '微信转账', level: 'warn' },
    ];
    expect((await post('/sensitive-words', { words })).status).toBe(200);
  });
  afterAll(async () => {
    await store?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it.skipIf(skip)(
    `refuses bad templates and blocked words with their position (${skip ?? 'runs'})`,
    async () => {
      const bad = await post('/scripts', {
        name: 'x',
        purpose: 'greeting',
        body: '你好\n{{contact.nickname}}',
      });
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({
        error: { code: 'TEMPLATE_SYNTAX', details: { line: 2, column: 3, variable: 'contact.nickname' } },
      });
      const blocked = await post('/scripts', { name: 'x', purpose: 'promotion', body: '全网最便宜的精华！' });
      expect(blocked.status).toBe(400);
      expect(await blocked.json()).toMatchObject({
        error: {
          code: 'SENSITIVE_WORD',
          details: { blocked: [{ word: '最便宜', position: 3, line: 1, column: 3 }] },
        },
      });
      expect((await get('/scripts')).items).toEqual([]);
    },
  );

  it.skipIf(skip)('saves with warnings, searches Chinese words, previews for a real contact', async () => {
    const warned = await post('/scripts', {
      name: '售后回访',
      purpose: 'after_sales',
      body: '{{contact.name | 亲}}，精华用得还习惯吗？退款可以微信转账哦',
    });
    expect(warned.status).toBe(201);
    const w = (await warned.json()) as Json;
    expect(w.warnings).toEqual([{ word: '微信转账', level: 'warn', position: 35, line: 1, column: 35 }]);
    expect(w.script).toMatchObject({ promotion: false, variables: ['contact.name'] });

    const promo = (await (
      await post('/scripts', {
        name: '敏感肌双11',
        purpose: 'promotion',
        body: '{{contact.name | 亲}}，敏感肌也能用的修护精华，双11只要{{product.price}}元，敏感肌姐妹冲：{{campaign.link}}',
      })
    ).json()) as Json;
    expect(promo.script.promotion).toBe(true);
    await post('/scripts', {
      name: '早安话题',
      purpose: 'topic',
      body: '早上好！今天聊聊敏感肌肤怎么护理～',
    });

    const found = await get(`/scripts?q=${encodeURIComponent('敏感肌')}`);
    expect(found.items.map((s: Json) => s.name)).toEqual(['敏感肌双11', '早安话题']);
    expect(
      (await get(`/scripts?q=${encodeURIComponent('修护 精华')}`)).items.map((s: Json) => s.name),
    ).toEqual(['敏感肌双11']);
    expect((await get(`/scripts?q=${encodeURIComponent('口红')}`)).items).toEqual([]);
    expect((await get('/scripts?purpose=topic')).items.map((s: Json) => s.name)).toEqual(['早安话题']);

    const contact = await createContact(
      store.db,
      wsId,
      { externalId: 'fan-1', name: '小雅', city: '杭州' },
      { viewer: { role: 'owner', kocId: null }, now: t.clock.now() },
    );
    const preview = await post(`/scripts/${promo.script.id}/preview`, {
      contactId: contact.id,
      product: { price: 199 },
    });
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({
      contactId: contact.id,
      text: '小雅，敏感肌也能用的修护精华，双11只要199元，敏感肌姐妹冲：',
      used: ['contact.name', 'product.price'],
      defaulted: [],
      missing: ['campaign.link'],
    });
    await createContact(
      store.db,
      wsId,
      { externalId: 'fan-2' },
      { viewer: { role: 'owner', kocId: null }, now: t.clock.now() },
    );
    const anonymous = (await (
      await post(`/scripts/${promo.script.id}/preview`, { externalId: 'fan-2' })
    ).json()) as Json;
    expect(anonymous.text.startsWith('亲，')).toBe(true);
    expect(anonymous.defaulted).toEqual(['contact.name']);
    expect((await post(`/scripts/${promo.script.id}/preview`, { externalId: 'nobody' })).status).toBe(404);
  });

  it.skipIf(skip)('updates re-index and re-check; deletes; the dispatcher check sees new words', async () => {
    const s = (await (
      await post('/scripts', { name: '欢迎语', purpose: 'welcome', body: '欢迎加入{{workspace.name}}！' })
    ).json()) as Json;
    const patched = await call(t.app, 'PATCH', `${ws}/scripts/${s.script.id}`, token, {
      body: '欢迎来到国家级实验室',
    });
    expect(((await patched.json()) as Json).error.code).toBe('SENSITIVE_WORD');
    await call(t.app, 'PATCH', `${ws}/scripts/${s.script.id}`, token, { body: '欢迎来到闺蜜俱乐部' });
    expect((await get(`/scripts?q=${encodeURIComponent('俱乐部')}`)).items.map((x: Json) => x.id)).toEqual([
      s.script.id,
    ]);
    expect((await get(`/scripts?q=${encodeURIComponent('加入')}`)).items).toEqual([]);

    expect((await checkSensitive(store.db, wsId, '闺蜜俱乐部第一')).blocked).toEqual([]);
    await post('/sensitive-words', { words: [{ word: '第一', level: 'block' }] });
    expect((await checkSensitive(store.db, wsId, '闺蜜俱乐部第一')).blocked).toMatchObject([
      { word: '第一', position: 6 },
    ]);

    expect((await call(t.app, 'DELETE', `${ws}/scripts/${s.script.id}`, token)).status).toBe(204);
    expect((await call(t.app, 'GET', `${ws}/scripts/${s.script.id}`, token)).status).toBe(404);
  });

  it.skipIf(skip)('guimi scripts add / list and materials add', async () => {
    let out = '';
    let err = '';
    const io = {
      out: (x: string) => void (out += x),
      err: (x: string) => void (err += x),
      interactive: false,
    };
    // SQLite's env names its own data dir (files go there too); PostgreSQL's only the database.
    const env = { GUIMI_DATA_DIR: dataDir, ...store.env, GUIMI_LOG_LEVEL: 'silent' };
    const add = [
      'scripts',
      'add',
      '--workspace',
      'bloom',
      '--name',
      '晚安',
      '--purpose',
      'moment',
      '--body',
      '晚安，今天也要好好卸妆',
      '--json',
    ];
    expect(await runCli(add, { env, io }), err).toBe(0);
    expect(JSON.parse(out).script).toMatchObject({ name: '晚安', purpose: 'moment' });
    out = '';
    expect(
      await runCli(['scripts', 'list', '--workspace', 'bloom', '--q', '卸妆', '--json'], { env, io }),
    ).toBe(0);
    expect(JSON.parse(out).items.map((s: Json) => s.name)).toEqual(['晚安']);
    out = '';
    const blocked = [
      'scripts',
      'add',
      '--workspace',
      'bloom',
      '--name',
      'x',
      '--purpose',
      'moment',
      '--body',
      '最便宜',
      '--json',
    ];
    expect(await runCli(blocked, { env, io })).toBe(2);
    expect(JSON.parse(out).error.code).toBe('SENSITIVE_WORD');
    out = '';
    const missing = ['materials', 'add', '--workspace', 'bloom', `${dataDir}/none.png`, '--json'];
    expect(await runCli(missing, { env, io })).toBe(2);
    const file = join(dataDir, 'poster.png');
    await QRCode.toFile(file, 'https://example.com/p', { type: 'png', width: 48 });
    out = '';
    const ok = ['materials', 'add', '--workspace', 'bloom', file, '--kind', 'poster', '--json'];
    expect(await runCli(ok, { env, io }), err).toBe(0);
    expect(JSON.parse(out)).toMatchObject({
      kind: 'poster',
      title: 'poster',
      file: { mimeType: 'image/png' },
    });
    const fake = join(dataDir, 'fake.png');
    writeFileSync(fake, Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]));
    out = '';
    expect(await runCli(['materials', 'add', '--workspace', 'bloom', fake, '--json'], { env, io })).toBe(2);
    expect(JSON.parse(out).error.code).toBe('FILE_TYPE_MISMATCH');
  });
});
