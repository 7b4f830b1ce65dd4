// Segments against the real stores: freshness of the index after writes, a second index (another
// process) seeing the first's writes, the HTTP routes and the CLI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, call, seedWorkspace } from '../../../test/support/app.js';
import { eraseContact, tagContacts, writeContact, writeEvents } from '../../../test/support/segment-data.js';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.js';
import { runCli } from '../../cli/main.js';
import { AudienceIndex, audienceIndexFor } from '../index/audience-index.js';

const NOW = new Date('2026-11-23T02:00:00Z');
const base = { created_at: '2026-01-01T00:00:00.000Z', attrs: {}, tags: [], events: [] };

async function cli(store: TestStore, argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    env: store.env,
    io: { out: (t) => void (out += t), err: (t) => void (err += t), interactive: false },
  });
  return { code, out, err };
}

describe.each(storeKinds())('segments on $title', ({ name, skip }) => {
  let store: TestStore;
  let seeded: Awaited<ReturnType<typeof seedWorkspace>>;
  beforeAll(async () => {
    if (skip) return;
    store = await openTestStore(name);
    seeded = await seedWorkspace(store, 'seg');
  });
  afterAll(async () => {
    if (skip) return;
    await audienceIndexFor(store).close();
    await store.close();
  });

  it.skipIf(skip)('sees each write at the very next count, in this and in another index', async () => {
    const ws = seeded.ws.id;
    const index = audienceIndexFor(store);
    const other = new AudienceIndex(store, 0);
    const at = { at: NOW };
    const counts = async (expr: string) => [await index.count(ws, expr, at), await other.count(ws, expr, at)];
    expect(await counts('city = 上海')).toEqual([0, 0]);
    const a = await writeContact(store.db, ws, { ...base, city: '上海', phone: '+8613812345678' }, NOW);
    expect(await counts('city = 上海')).toEqual([1, 1]);
    await tagContacts(store.db, ws, [a], ['宝妈'], NOW);
    expect(await counts('tag:宝妈 AND city = 上海')).toEqual([1, 1]);
    await writeEvents(store.db, ws, a, [{ type: 'buy', at: NOW.getTime() - 1000 }], NOW);
    expect(await counts('did buy within 1d')).toEqual([1, 1]);
    expect(await counts('count(buy, 1d) >= 1')).toEqual([1, 1]);
    await eraseContact(store.db, ws, a, NOW);
    expect(await counts('city = 上海 OR tag:宝妈 OR did buy within 1d')).toEqual([0, 0]);
    await other.close();
  });

  it.skipIf(skip)('serves ad-hoc counts, saved segments, members and CSV over HTTP', async () => {
    const { app } = createTestApp(store);
    const { ws, tokens } = seeded;
    const base$ = `/api/v1/workspaces/${ws.slug}/segments`;
    const b = await writeContact(
      store.db,
      ws.id,
      { ...base, name: '李雷', city: '北京', phone: '+8613912345678' },
      NOW,
    );
    await tagContacts(store.db, ws.id, [b], ['vip'], NOW);

    const bad = await call(app, 'POST', `${base$}/count`, tokens.analyst, { expression: 'tag:vip AND (' });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { code: string; details: { position: number } } };
    expect(body.error.code).toBe('SEGMENT_SYNTAX');
    expect(body.error.details.position).toBe(14);
    const ok = await call(app, 'POST', `${base$}/count`, tokens.analyst, { expression: 'tag:vip' });
    expect(await ok.json()).toEqual({ count: 1 });

    expect(
      (await call(app, 'POST', base$, tokens.analyst, { name: 'v', expression: 'tag:vip' })).status,
    ).toBe(403);
    const saved = await call(app, 'POST', base$, tokens.operator, {
      name: 'v',
      expression: 'tag:vip AND city = 北京',
    });
    expect(saved.status).toBe(201);
    const cycle = await call(app, 'PATCH', `${base$}/v`, tokens.operator, {
      expression: 'segment:v OR tag:x',
    });
    expect(((await cycle.json()) as { error: { code: string } }).error.code).toBe('SEGMENT_CYCLE');
    expect((await call(app, 'GET', `${base$}/v/count`, tokens.koc)).status).toBe(200);
    // A koc-role token is linked to no KOC, so it sees none of the fans (koc-scope.int.test.ts).
    expect(await (await call(app, 'GET', `${base$}/v/count`, tokens.koc)).json()).toEqual({ count: 0 });

    const masked = (await (await call(app, 'GET', `${base$}/v/members`, tokens.analyst)).json()) as {
      items: { externalId: string; phone: string; tags: string[] }[];
      total: number;
    };
    expect(masked.total).toBe(1);
    expect(masked.items[0]!.phone).toBe('+86 139****5678');
    expect(masked.items[0]!.tags).toEqual(['vip']);
    const full = (await (await call(app, 'GET', `${base$}/v/members`, tokens.owner)).json()) as typeof masked;
    expect(full.items[0]!.phone).toBe('+8613912345678');

    const csv = await call(app, 'GET', `${base$}/v/export`, tokens.operator);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    // Response.text() would drop the BOM that Excel needs: decode keeping it.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer());
    expect(text.split('\r\n')[0]).toBe('\uFEFFexternal_id,name,phone,city,tags');
    expect(text).toContain(`${masked.items[0]!.externalId},李雷,+8613912345678,北京,vip`);
    expect((await call(app, 'DELETE', `${base$}/v`, tokens.operator)).status).toBe(204);
    expect((await call(app, 'GET', `${base$}/v`, tokens.operator)).status).toBe(404);
  });

  it.skipIf(skip)('counts, saves, lists and exports from the CLI', async () => {
    await audienceIndexFor(store).close();
    const count = await cli(store, ['segment', 'count', 'tag:vip', '--workspace', 'seg', '--json']);
    expect(count).toMatchObject({ code: 0, out: '{"count":1}\n' });
    const bad = await cli(store, ['segment', 'count', 'city = ', '--workspace', 'seg', '--json']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/position 8/);
    expect(JSON.parse(bad.out)).toMatchObject({
      error: { code: 'SEGMENT_SYNTAX', details: { position: 8 } },
    });
    expect(
      (await cli(store, ['segment', 'save', '--workspace', 'seg', '--name', 'bj', 'city = 北京'])).code,
    ).toBe(0);
    const list = await cli(store, ['segment', 'list', '--workspace', 'seg', '--json']);
    expect(JSON.parse(list.out).items.map((s: { name: string }) => s.name)).toEqual(['bj']);
    const exported = await cli(store, ['segment', 'export', 'bj', '--workspace', 'seg']);
    expect(exported.code).toBe(0);
    // The formula guard quotes the masked phone (it starts with + and is not a plain number).
    expect(exported.out).toContain("李雷,'+86 139****5678,北京,vip");
    const adHoc = await cli(store, ['segment', 'export', '--expression', 'tag:nobody', '--workspace', 'seg']);
    expect(adHoc.out).toBe('\uFEFFexternal_id,name,phone,city,tags\r\n');
  });
});
