// Contact export on both stores: CSV with BOM, the import's columns plus attributes, tags, segment
// filtering through the index, phones masked by role, a KOC's own fans only; the CLI's --out file.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedWorkspace } from '../../test/support/app.js';
import { openTestStore, storeKinds, tempDir, type TestStore } from '../../test/support/stores.js';
import { runCli } from '../cli/main.js';
import { importContacts } from './import-contacts.js';
import { audienceIndexFor } from './index/audience-index.js';

const NOW = new Date('2026-11-23T02:00:00Z');
const CSV =
  'external_id,name,phone,gender,city,birth_year,source,tags,level\n' +
  'e1,王芳,13812345678,女,上海,1995,小红书,护肤;宝妈,3\n' +
  'e2,"=HYPERLINK(""x"")",13900001111,女,北京,1990,抖音,彩妆,\n' +
  'e3,"Anna, 🌸",,male,"Shen\nzhen",,门店,护肤,1\n';

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') field += text[++i];
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (ch !== '\r') field += ch;
  }
  return rows;
}

describe.each(storeKinds())('contact export on $title', ({ name, skip }) => {
  let store: TestStore;
  let tokens: Awaited<ReturnType<typeof seedWorkspace>>['tokens'];
  const dir = tempDir('guimi-export-test-');
  beforeAll(async () => {
    if (skip) return;
    store = await openTestStore(name);
    const seeded = await seedWorkspace(store, 'glow');
    tokens = seeded.tokens;
    writeFileSync(join(dir, 'in.csv'), CSV);
    const r = await importContacts(store.db, seeded.ws.id, join(dir, 'in.csv'), { now: NOW, actor: 'test' });
    expect(r.imported).toBe(3);
  });
  afterAll(async () => {
    if (store) await audienceIndexFor(store).close();
    await store?.close();
  });

  const get = (token: string, query = '') =>
    createTestApp(store).app.request(`/api/v1/workspaces/glow/exports/contacts.csv${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });

  it.skipIf(skip)('streams every contact as CSV with a BOM, tags and attribute columns', async () => {
    const res = await get(tokens.owner);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    // res.text() would drop the BOM: check the bytes.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual([
      'external_id',
      'name',
      'phone',
      'gender',
      'city',
      'birth_year',
      'source',
      'tags',
      'level',
    ]);
    expect(rows).toEqual([
      ['e1', '王芳', '+8613812345678', 'female', '上海', '1995', '小红书', '宝妈;护肤', '3'],
      // A name that a spreadsheet would run as a formula is defused.
      ['e2', `'=HYPERLINK("x")`, '+8613900001111', 'female', '北京', '1990', '抖音', '彩妆', ''],
      ['e3', 'Anna, 🌸', '', 'male', 'Shen\nzhen', '', '门店', '护肤', '1'],
    ]);
  });

  it.skipIf(skip)(
    'masks phones for roles that may not see personal data; a KOC sees only its own fans',
    async () => {
      const analyst = parseCsv(await (await get(tokens.analyst)).text());
      // The formula guard quotes it too: a leading + would make Excel compute it.
      expect(analyst[1]![2]).toBe("'+86 138****5678");
      expect(analyst.flat().join()).not.toContain('13812345678');
      const operator = parseCsv(await (await get(tokens.operator)).text());
      expect(operator[1]![2]).toBe('+8613812345678');
      const koc = parseCsv(await (await get(tokens.koc)).text());
      expect(koc).toHaveLength(1);
    },
  );

  it.skipIf(skip)(
    'filters by a segment expression through the index; a bad expression is a JSON error',
    async () => {
      const rows = parseCsv(
        await (await get(tokens.owner, `?expression=${encodeURIComponent('tag:护肤')}`)).text(),
      );
      expect(rows.slice(1).map((r) => r[0])).toEqual(['e1', 'e3']);
      const bad = await get(tokens.owner, `?expression=${encodeURIComponent('tag:护肤 AND')}`);
      expect(bad.status).toBe(400);
      expect((await bad.json()).error.code).toBe('SEGMENT_SYNTAX');
    },
  );

  it.skipIf(skip)('guimi export contacts writes the file; the export imports back unchanged', async () => {
    const out = join(dir, 'out.csv');
    let err = '';
    const code = await runCli(
      ['export', 'contacts', '--workspace', 'glow', '--expression', 'city = 上海', '--out', out],
      {
        env: { GUIMI_LOG_LEVEL: 'silent', ...store.env },
        io: { out: () => undefined, err: (t) => void (err += t), interactive: false },
      },
    );
    expect(err).toBe('');
    expect(code).toBe(0);
    const rows = parseCsv(readFileSync(out, 'utf8').slice(1));
    expect(rows.slice(1).map((r) => r[0])).toEqual(['e1']);
    const ws = await store.db
      .selectFrom('workspaces')
      .select('id')
      .where('slug', '=', 'glow')
      .executeTakeFirstOrThrow();
    const again = await importContacts(store.db, ws.id, out, { now: NOW, actor: 'test' });
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 1, failed: 0 });
  });
});
