// Contact import on both stores: CSV quirks, bad rows reported and not applied, idempotent re-import that
// merges tags, JSONL, rows the store itself refuses, the CLI's JSON and exit codes, and the upload route.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedWorkspace } from '../../test/support/app.js';
import { openTestStore, storeKinds, tempDir, type TestStore } from '../../test/support/stores.js';
import { runCli } from '../cli/main.js';
import { eraseContact } from './contacts/erase-contact.js';
import { mergeContacts } from './contacts/merge-contacts.js';
import { importContacts } from './import-contacts.js';

const NOW = new Date('2026-11-23T02:00:00Z');
const CSV =
  '\uFEFFexternal_id,name,phone,gender,city,birth_year,source,tags,vip_level\r\n' +
  'u1,王芳,138 1234 5678,女,上海,1995,小红书,护肤;干皮,3\r\n' +
  'u2,"Anna 🌸, ""the"" fan","+86 139-0000-1111",female,"Shen\nzhen",1990,抖音,彩妆；香水,\r\n' +
  'u3,李娜,12345,女,北京,1990,门店,护肤,1\r\n' + // bad phone (line 5)
  'u4,陈静,,女,杭州,1890,门店,,2\r\n' + // bad birth year (line 6)
  'u1,again,,,,,,,\r\n' + // duplicate id (line 7)
  'u5,刘洋,,男,成都\r\n' + // wrong column count (line 8)
  ',无名,,,,,,,\r\n' + // missing id (line 9)
  'u6,杨敏,,f,南京,2001,活动,学生党;护肤,\r\n';

async function contact(store: TestStore, wsId: string, externalId: string) {
  const c = await store.db
    .selectFrom('contacts')
    .selectAll()
    .where('workspace_id', '=', wsId)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
  if (!c) return undefined;
  const tags = await store.db
    .selectFrom('contact_tags')
    .innerJoin('tags', 'tags.id', 'contact_tags.tag_id')
    .select('tags.name')
    .where('contact_tags.contact_id', '=', c.id)
    .orderBy('tags.name')
    .execute();
  return { ...c, attrs: JSON.parse(c.attrs) as Record<string, unknown>, tags: tags.map((t) => t.name) };
}

async function guimi(env: Record<string, string>, ...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    env: { GUIMI_LOG_LEVEL: 'silent', ...env },
    io: { out: (t) => void (out += t), err: (t) => void (err += t), interactive: false },
  });
  return { code, out, err };
}

// The PostgreSQL half is skipped only when PostgreSQL is unreachable here: test/support/stores.ts puts the
// reason in the describe title ($title), and with CI=true `.ci/run` fails instead of skipping.
describe.each(storeKinds())('contact import on $title', ({ name, skip }) => {
  let store: TestStore;
  let wsId: string;
  const dir = tempDir('guimi-import-test-');
  beforeAll(async () => {
    if (skip) return;
    store = await openTestStore(name);
    wsId = (await seedWorkspace(store, 'glow')).ws.id;
  });
  afterAll(async () => store?.close());

  it.skipIf(skip)('imports good rows, reports each bad row with its line, applies none of them', async () => {
    const file = join(dir, 'fans.csv');
    writeFileSync(file, CSV);
    const r = await importContacts(store.db, wsId, file, { now: NOW, actor: 'test' });
    expect(r).toMatchObject({ imported: 3, updated: 0, unchanged: 0, failed: 5 });
    expect(r.errors.map((e) => e.line)).toEqual([5, 6, 7, 8, 9]);
    expect(r.errors[0]!.reason).toContain('phone');
    expect(r.errors[1]!.reason).toContain('birth_year');
    expect(r.errors[2]!.reason).toContain('duplicate external_id "u1": first seen on line 2');
    expect(r.errors[3]!.reason).toContain('expected 9 columns, found 5');
    expect(r.errors[4]!.reason).toContain('external_id');
    const u1 = await contact(store, wsId, 'u1');
    expect(u1).toMatchObject({
      name: '王芳',
      phone: '+8613812345678',
      gender: 'female',
      city: '上海',
      birth_year: 1995,
    });
    expect(u1!.attrs).toEqual({ vip_level: '3' });
    expect(u1!.tags).toEqual(['干皮', '护肤'].sort());
    const u2 = await contact(store, wsId, 'u2');
    expect(u2).toMatchObject({ name: 'Anna 🌸, "the" fan', city: 'Shen\nzhen', phone: '+8613900001111' });
    expect(u2!.tags).toEqual(['彩妆', '香水'].sort());
    for (const bad of ['u3', 'u4', 'u5']) expect(await contact(store, wsId, bad)).toBeUndefined();
    const feed = await store.db
      .selectFrom('audience_changes')
      .select('contact_id')
      .where('workspace_id', '=', wsId)
      .execute();
    expect(new Set(feed.map((f) => f.contact_id)).size).toBe(3);
  });

  it.skipIf(skip)('re-importing is idempotent, fills in and merges tags without removing any', async () => {
    const file = join(dir, 'fans.csv');
    const again = await importContacts(store.db, wsId, file, { now: NOW, actor: 'test' });
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 3, failed: 5 });
    const before = (await store.db.selectFrom('audience_changes').select('seq').execute()).length;
    expect(before).toBe(3);

    const more = join(dir, 'more.jsonl');
    writeFileSync(
      more,
      [
        JSON.stringify({ external_id: 'u1', tags: ['复购'], attrs: { points: 12 } }),
        JSON.stringify({ external_id: 'u6', city: '苏州' }),
        '',
        JSON.stringify({ external_id: 'u2' }),
        '{not json',
        JSON.stringify({ external_id: 'u7', name: '新粉丝', tags: '护肤;新客' }),
      ].join('\n'),
    );
    const r = await importContacts(store.db, wsId, more, { now: NOW, actor: 'test' });
    expect(r).toMatchObject({ imported: 1, updated: 2, unchanged: 1, failed: 1 });
    expect(r.errors).toEqual([{ line: 5, reason: expect.stringContaining('not valid JSON') }]);
    const u1 = await contact(store, wsId, 'u1');
    expect(u1).toMatchObject({ name: '王芳', city: '上海' });
    expect(u1!.tags).toEqual(['复购', '干皮', '护肤'].sort());
    expect(u1!.attrs).toEqual({ vip_level: '3', points: 12 });
    expect(await contact(store, wsId, 'u6')).toMatchObject({ city: '苏州', name: '杨敏' });
    expect((await contact(store, wsId, 'u7'))!.tags).toEqual(['护肤', '新客'].sort());
  });

  it.skipIf(skip)(
    `writes nothing to a merged contact; an erased one comes back only as a new contact (${skip ?? 'runs'})`,
    async () => {
      const [u1, u6, u7] = [
        await contact(store, wsId, 'u1'),
        await contact(store, wsId, 'u6'),
        await contact(store, wsId, 'u7'),
      ];
      const opts = { actor: 'test', now: NOW };
      await eraseContact(store.db, wsId, Number(u6!.id), opts);
      await mergeContacts(store.db, wsId, Number(u1!.id), Number(u7!.id), {
        ...opts,
        viewer: { role: 'owner', kocId: null },
      });
      const file = join(dir, 'after.csv');
      writeFileSync(file, 'external_id,name,tags\nu6,回来了,新客\nu7,合并了,复购\nu8,新的,\nu2,,\n');
      const r = await importContacts(store.db, wsId, file, { now: NOW, actor: 'test' });
      expect(r).toMatchObject({ imported: 2, updated: 0, unchanged: 1, failed: 1 });
      expect(r.errors).toEqual([
        { line: 3, reason: 'contact "u7" was merged into another contact; import that one' },
      ]);
      expect(await contact(store, wsId, 'u7')).toMatchObject({ name: '新粉丝', tags: [] });
      // Erasure removed the person's external id with the rest: the row is a new contact.
      const again = await contact(store, wsId, 'u6');
      expect(again).toMatchObject({ name: '回来了', tags: ['新客'] });
      expect(again!.id).not.toBe(u6!.id);
    },
  );

  it.skipIf(skip)('isolates a row the store refuses and still writes the rows around it', async () => {
    if (name === 'sqlite') {
      await sql`create trigger refuse_boom before insert on contacts when new.name = 'BOOM'
        begin select raise(abort, 'boom refused'); end`.execute(store.db);
    } else {
      await sql`create function refuse_boom() returns trigger language plpgsql as $$
        begin if new.name = 'BOOM' then raise exception 'boom refused'; end if; return new; end $$`.execute(
        store.db,
      );
      await sql`create trigger refuse_boom before insert on contacts for each row execute function refuse_boom()`.execute(
        store.db,
      );
    }
    const rows = Array.from({ length: 40 }, (_, i) => `b${i},${i === 17 ? 'BOOM' : `粉丝${i}`},,,,,,vip`);
    const file = join(dir, 'boom.csv');
    writeFileSync(file, `external_id,name,phone,gender,city,birth_year,source,tags\n${rows.join('\n')}\n`);
    const r = await importContacts(store.db, wsId, file, { now: NOW, actor: 'test' });
    expect(r).toMatchObject({ imported: 39, failed: 1 });
    expect(r.errors).toEqual([{ line: 19, reason: expect.stringContaining('boom refused') }]);
    expect(await contact(store, wsId, 'b17')).toBeUndefined();
    expect((await contact(store, wsId, 'b18'))!.tags).toEqual(['vip']);
    await sql`drop trigger refuse_boom${sql.raw(name === 'postgres' ? ' on contacts' : '')}`.execute(
      store.db,
    );
  });

  it.skipIf(skip)(
    'guimi import contacts prints the JSON report; exits 0 when processed, 2 when unreadable',
    async () => {
      const file = join(dir, 'cli.csv');
      writeFileSync(file, 'external_id,name,tags\nc1,小鹿,护肤\nc2,Coco,\n,x,\n');
      const ok = await guimi(store.env, 'import', 'contacts', file, '--workspace', 'glow', '--json');
      expect(ok.code).toBe(0);
      expect(JSON.parse(ok.out)).toEqual({
        imported: 2,
        updated: 0,
        unchanged: 0,
        failed: 1,
        errors: [{ line: 4, reason: 'missing external_id' }],
      });
      const text = await guimi(store.env, 'import', 'contacts', file, '--workspace', 'glow');
      expect(text.out).toContain('unchanged 2, failed 1');
      const missing = await guimi(
        store.env,
        'import',
        'contacts',
        join(dir, 'nope.csv'),
        '--workspace',
        'glow',
        '--json',
      );
      expect(missing.code).toBe(2);
      expect(JSON.parse(missing.out).error.code).toBe('IMPORT_UNREADABLE');
      writeFileSync(join(dir, 'noid.csv'), 'name,phone\n王芳,13812345678\n');
      const noId = await guimi(store.env, 'import', 'contacts', join(dir, 'noid.csv'), '--workspace', 'glow');
      expect(noId.code).toBe(2);
      expect(noId.err).toContain('external_id');
    },
  );

  // Skipped only in the PostgreSQL half when PostgreSQL is unreachable (the reason is in the describe title).
  it.skipIf(skip)(
    'writes a file of several batches (two at once on PostgreSQL) with new tags in each and bad rows in the last',
    async () => {
      // 35,000 rows: four batches of 10,000 rows; every batch brings tags no earlier one had.
      const rows = Array.from({ length: 35_000 }, (_, i) => {
        const batch = Math.floor(i / 10_000);
        return `mb${i},粉丝${i},,,,,,共同;批次${batch};${i % 2 ? `单${batch}` : `双${batch}`}`;
      });
      rows[31_000] = 'mb31000,坏,notaphone,,,,,';
      rows[34_999] = 'mb0,重复,,,,,,';
      const file = join(dir, 'batches.csv');
      writeFileSync(file, `external_id,name,phone,gender,city,birth_year,source,tags\n${rows.join('\n')}\n`);
      const r = await importContacts(store.db, wsId, file, { now: NOW, actor: 'test' });
      expect(r).toMatchObject({ imported: 34_998, updated: 0, failed: 2 });
      expect(r.errors.map((e) => e.line)).toEqual([31_002, 35_001]);
      const counts = await sql<{ name: string; n: number | string }>`
        select t.name, count(*) as n from contact_tags ct join tags t on t.id = ct.tag_id
        where ct.workspace_id = ${wsId} and (t.name = '共同' or t.name like '批次%' or t.name like '单%')
        group by t.name order by t.name`.execute(store.db);
      expect(counts.rows.map((c) => [c.name, Number(c.n)])).toEqual([
        ['共同', 34_998],
        ['单0', 5000],
        ['单1', 5000],
        ['单2', 5000],
        ['单3', 2499],
        ['批次0', 10_000],
        ['批次1', 10_000],
        ['批次2', 10_000],
        ['批次3', 4998],
      ]);
      const tagRows = await sql<{ n: number | string }>`select count(*) as n from tags
        where workspace_id = ${wsId} and (name = '共同' or name like '批次%' or name like '单%' or name like '双%')`.execute(
        store.db,
      );
      expect(Number(tagRows.rows[0]!.n)).toBe(13);
    },
  );

  it.skipIf(skip)('caps the error list at 1,000 and says so', async () => {
    const file = join(dir, 'many-bad.csv');
    const bad = Array.from({ length: 1200 }, (_, i) => `m${i},,notaphone`).join('\n');
    writeFileSync(file, `external_id,name,phone\n${bad}\nm_ok,好,\n`);
    const r = await importContacts(store.db, wsId, file, { now: NOW, actor: 'test' });
    expect(r).toMatchObject({ imported: 1, failed: 1200, errorsTruncated: true });
    expect(r.errors).toHaveLength(1000);
  });

  it.skipIf(skip)('POST /imports/contacts takes the file as the body (write permission)', async () => {
    const t = createTestApp(store);
    const { tokens } = await seedWorkspace(store, 'bloom');
    const post = (token: string, type: string, body: string) =>
      t.app.request('/api/v1/workspaces/bloom/imports/contacts', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': type },
        body,
      });
    const csv = '\uFEFFexternal_id,name,phone,tags\r\nh1,王芳,13812345678,护肤\r\nh2,李娜,bad,\r\n';
    const res = await post(tokens.operator, 'text/csv; charset=utf-8', csv);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      imported: 1,
      updated: 0,
      unchanged: 0,
      failed: 1,
      errors: [{ line: 3, reason: expect.stringContaining('invalid phone') }],
    });
    const jsonl = '{"external_id":"h1","tags":["复购"]}\n{"external_id":"h3"}\n';
    expect(await (await post(tokens.owner, 'application/x-ndjson', jsonl)).json()).toMatchObject({
      imported: 1,
      updated: 1,
    });
    expect((await post(tokens.analyst, 'text/csv', csv)).status).toBe(403);
    const json = await post(tokens.operator, 'application/json', '{}');
    expect(json.status).toBe(415);
    const empty = await post(tokens.operator, 'text/csv', 'name\n');
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.code).toBe('IMPORT_UNREADABLE');
  });
});
