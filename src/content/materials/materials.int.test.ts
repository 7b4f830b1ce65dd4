// The material library over HTTP on both stores: upload, dedupe, download, type checks, cards, delete.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, seedWorkspace, type TestApp } from '../../../test/support/app.js';
import { openTestStore, storeKinds, tempDir, type TestStore } from '../../../test/support/stores.js';
import { recordMaterialUse } from './record-material-use.js';

const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);

describe.each(storeKinds())('material library on $title', ({ name, skip }) => {
  let store: TestStore;
  let t: TestApp;
  let token: string;
  let analyst: string;
  let dataDir: string;
  let png: Buffer;
  const base = '/api/v1/workspaces/looks/materials';

  beforeAll(async () => {
    if (skip) return;
    store = await openTestStore(name);
    dataDir = tempDir('guimi-files-');
    t = createTestApp(store, { env: { GUIMI_DATA_DIR: dataDir } });
    const seeded = await seedWorkspace(store, 'looks');
    token = seeded.tokens.operator;
    analyst = seeded.tokens.analyst;
    png = await QRCode.toBuffer('https://example.com/q', { type: 'png', width: 64 });
  });
  afterAll(async () => {
    await store?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const upload = (bytes: Uint8Array, fileName: string, type: string, metadata?: unknown, as = token) => {
    const form = new FormData();
    form.append('file', new Blob([Uint8Array.from(bytes)], { type }), fileName);
    if (metadata !== undefined) form.append('metadata', JSON.stringify(metadata));
    return t.app.request(base, { method: 'POST', headers: { authorization: `Bearer ${as}` }, body: form });
  };

  it.skipIf(skip)(`uploads, stores once by content and downloads the bytes (${skip ?? 'runs'})`, async () => {
    const first = await upload(png, '双11海报.png', 'image/png', { kind: 'poster', tags: ['双11', '海报'] });
    expect(first.status, await first.clone().text()).toBe(201);
    const a = (await first.json()) as {
      id: string;
      kind: string;
      title: string;
      tags: string[];
      file: { sha256: string; size: number; mimeType: string };
    };
    expect(a).toMatchObject({ kind: 'poster', title: '双11海报', tags: ['双11', '海报'] });
    expect(a.file).toMatchObject({ size: png.length, mimeType: 'image/png' });
    const second = (await (await upload(png, 'copy.png', 'image/png')).json()) as typeof a;
    expect(second.kind).toBe('image');
    expect(second.id).not.toBe(a.id);
    expect(second.file.sha256).toBe(a.file.sha256);
    const dir = join(dataDir, 'files', a.file.sha256.slice(0, 2));
    expect(readdirSync(dir)).toEqual([a.file.sha256]);

    const res = await call(t.app, 'GET', `${base}/${a.id}/file`, analyst);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true);

    const listed = (await (await call(t.app, 'GET', `${base}?tag=双11`, analyst)).json()) as {
      items: { id: string }[];
    };
    expect(listed.items.map((m) => m.id)).toEqual([a.id]);
  });

  it.skipIf(skip)('refuses bytes that are not what they claim, unknown formats and wrong kinds', async () => {
    const lie = await upload(jpeg, 'fake.png', 'image/png');
    expect(lie.status).toBe(400);
    expect(await lie.json()).toMatchObject({
      error: { code: 'FILE_TYPE_MISMATCH', details: { declared: 'image/png', detected: 'image/jpeg' } },
    });
    const text = await upload(new TextEncoder().encode('just some text'), 'notes.txt', 'text/plain');
    expect(text.status).toBe(415);
    const kind = await upload(png, 'x.png', 'image/png', { kind: 'video' });
    expect(((await kind.json()) as { error: { code: string } }).error.code).toBe('FILE_TYPE_MISMATCH');
    const noFile = await t.app.request(base, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: new FormData(),
    });
    expect(noFile.status).toBe(400);
    expect((await upload(png, 'x.png', 'image/png', undefined, analyst)).status).toBe(403);
  });

  it.skipIf(skip)('adds cards as JSON, refuses deleting a used cover, hides a sent material', async () => {
    const cover = (await (await upload(png, 'cover.png', 'image/png', { title: '封面' })).json()) as {
      id: string;
      file: { sha256: string };
    };
    const card = await call(t.app, 'POST', base, token, {
      kind: 'product',
      title: '修护精华',
      productName: '玻尿酸修护精华 30ml',
      price: 199,
      url: 'https://shop.example.com/p/1',
      imageMaterialId: cover.id,
    });
    expect(card.status).toBe(201);
    const c = (await card.json()) as { id: string; data: Record<string, unknown>; file: null };
    expect(c.file).toBeNull();
    expect(c.data).toEqual({
      productName: '玻尿酸修护精华 30ml',
      price: 199,
      url: 'https://shop.example.com/p/1',
      imageMaterialId: cover.id,
    });
    const badMini = await call(t.app, 'POST', base, token, {
      kind: 'miniprogram',
      title: 'x',
      appid: 'nope',
      pagepath: 'p',
    });
    expect(badMini.status).toBe(400);

    const refused = await call(t.app, 'DELETE', `${base}/${cover.id}`, token);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({
      error: { code: 'CONFLICT', details: { cards: [{ id: c.id }] } },
    });

    await recordMaterialUse(store.db, [c.id, c.id], t.clock.now());
    const used = (await (await call(t.app, 'GET', `${base}/${c.id}`, token)).json()) as { useCount: number };
    expect(used.useCount).toBe(1);
    expect(await (await call(t.app, 'DELETE', `${base}/${c.id}`, token)).json()).toEqual({
      deleted: 'hidden',
    });
    expect((await call(t.app, 'GET', `${base}/${c.id}`, token)).status).toBe(404);

    // Now unused by any card: removed, and its bytes with it (no other material has them).
    const path = join(dataDir, 'files', cover.file.sha256.slice(0, 2), cover.file.sha256);
    const sharedBytes = existsSync(path);
    expect(await (await call(t.app, 'DELETE', `${base}/${cover.id}`, token)).json()).toEqual({
      deleted: 'removed',
    });
    // cover.png has the same bytes as the earlier uploads, which still need them.
    expect(existsSync(path)).toBe(sharedBytes);
  });

  it.skipIf(skip)('files materials in folders and renames them', async () => {
    const folder = (await (
      await call(t.app, 'POST', '/api/v1/workspaces/looks/material-folders', token, { name: '大促' })
    ).json()) as { id: string };
    const m = (await (
      await call(t.app, 'POST', base, token, { kind: 'text', title: '开场白', text: '姐妹们好～' })
    ).json()) as { id: string };
    const patched = await call(t.app, 'PATCH', `${base}/${m.id}`, token, {
      folderId: folder.id,
      data: { text: '宝子们好～' },
    });
    expect(await patched.json()).toMatchObject({ folderId: folder.id, data: { text: '宝子们好～' } });
    const inFolder = (await (await call(t.app, 'GET', `${base}?folderId=${folder.id}`, token)).json()) as {
      items: { id: string }[];
    };
    expect(inFolder.items.map((x) => x.id)).toEqual([m.id]);
    const folders = (await (
      await call(t.app, 'GET', '/api/v1/workspaces/looks/material-folders', token)
    ).json()) as { items: { name: string; materials: number }[] };
    expect(folders.items).toEqual([expect.objectContaining({ name: '大促', materials: 1 })]);
  });
});
