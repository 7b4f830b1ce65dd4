import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { readContactImport, type ContactImportItem } from './read-contact-import.js';

const clock = new VirtualClock('2026-03-01T00:00:00Z');
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'guimi-import-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

async function readAll(source: Parameters<typeof readContactImport>[0], format?: 'csv' | 'jsonl') {
  const items: ContactImportItem[] = [];
  for await (const item of readContactImport(source, { clock, format })) items.push(item);
  return items;
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('IMPORT_UNREADABLE');
  expect((error as AppError).exitCode).toBe(2);
  return error as AppError;
}

describe('readContactImport (CSV)', () => {
  it('yields valid rows and a reason for each bad row, by line', async () => {
    const csv = [
      '\ufeffexternal_id,name,phone,gender,birth_year,tags,vip',
      'wx_1,"王, 芳",138-1234-5678,女,1990,护肤;母婴,gold',
      ',no id,,,,,',
      'wx_2,bad phone,12345,,,,',
      'wx_3,bad year,,,1850,,',
      'wx_1,again,,,,,',
      'wx_4,too,many,columns,,,,,',
      'wx_5,"Emoji 🌸",+86 139 0000 0000,M,,vip,',
      '',
    ].join('\r\n');
    expect(await readAll(await file('contacts.csv', csv))).toEqual([
      {
        line: 2,
        row: {
          externalId: 'wx_1',
          name: '王, 芳',
          phone: '+8613812345678',
          gender: 'female',
          birthYear: 1990,
          tags: ['护肤', '母婴'],
          attrs: { vip: 'gold' },
        },
      },
      { line: 3, reason: 'missing external_id' },
      { line: 4, reason: 'invalid phone "12345": not a mobile number' },
      { line: 5, reason: 'invalid birth_year "1850": not a year between 1900 and 2026' },
      { line: 6, reason: 'duplicate external_id "wx_1": first seen on line 2' },
      { line: 7, reason: 'expected 7 columns, found 9' },
      {
        line: 8,
        row: {
          externalId: 'wx_5',
          name: 'Emoji 🌸',
          phone: '+8613900000000',
          gender: 'male',
          tags: ['vip'],
          attrs: {},
        },
      },
    ]);
  });

  it('counts an id from a rejected row as seen', async () => {
    const items = await readAll(await file('claimed.csv', 'external_id,phone\nx,1\nx,13812345678\n'));
    expect(items.map((i) => i.reason)).toEqual([
      'invalid phone "1": not a mobile number',
      'duplicate external_id "x": first seen on line 2',
    ]);
  });

  it('refuses a file without an external_id column, naming the file', async () => {
    const path = await file('noid.csv', 'id,name\n1,a\n');
    const error = await failure(readAll(path));
    expect(error.message).toBe(`cannot read ${path}: the header has no external_id column (found: id, name)`);
  });

  it('refuses an empty file and a binary file', async () => {
    expect((await failure(readAll(await file('empty.csv', '')))).message).toMatch(/empty/);
    const binary = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]); // a .xlsx (zip)
    expect((await failure(readAll(await file('sheet.csv', binary)))).message).toMatch(/NUL bytes/);
  });

  it('needs a format for a name it does not know', async () => {
    const path = await file('contacts.txt', 'external_id\n1\n');
    expect((await failure(readAll(path))).message).toMatch(/name the file \.csv or \.jsonl/);
    expect(await readAll(path, 'csv')).toEqual([{ line: 2, row: { externalId: '1', tags: [], attrs: {} } }]);
  });

  it('reads 200,000 generated rows, every one valid and in order', async () => {
    const rows = 200_000;
    const lines = ['external_id,name,phone,gender,city,birth_year,source,tags,level'];
    for (let i = 0; i < rows; i++) {
      lines.push(
        `id_${i},"李 ${i}",139${String(i).padStart(8, '0')},女,"Shenzhen, Nanshan",1990,c,a;b;c;d,${i % 5}`,
      );
    }
    let count = 0;
    const reasons: string[] = [];
    let last: ContactImportItem | undefined;
    for await (const item of readContactImport(await file('big.csv', lines.join('\n')), { clock })) {
      if (item.reason !== undefined) reasons.push(item.reason);
      count++;
      last = item;
    }
    expect(reasons).toEqual([]);
    expect(count).toBe(rows);
    expect(last).toEqual({
      line: rows + 1,
      row: {
        externalId: `id_${rows - 1}`,
        name: `李 ${rows - 1}`,
        phone: `+86139${String(rows - 1).padStart(8, '0')}`,
        gender: 'female',
        city: 'Shenzhen, Nanshan',
        birthYear: 1990,
        source: 'c',
        tags: ['a', 'b', 'c', 'd'],
        attrs: { level: String((rows - 1) % 5) },
      },
    });
  });
});

describe('readContactImport (JSONL)', () => {
  it('reads objects per line, reports lines that are not JSON objects, skips blank lines', async () => {
    const jsonl = [
      '{"external_id":"a","name":"王芳","tags":["x","y"],"attrs":{"vip":true},"level":3}',
      '{"external_id":"b","tags":"p;q","phone":"0086 138 1234 5678"}',
      '{"external_id": "c",',
      '[1,2]',
      '',
      '{"external_id":"a"}',
      '{"name":"no id"}',
      '',
    ].join('\n');
    const items = await readAll(await file('contacts.jsonl', jsonl));
    expect(items[0]).toEqual({
      line: 1,
      row: { externalId: 'a', name: '王芳', tags: ['x', 'y'], attrs: { vip: true, level: 3 } },
    });
    expect(items[1]).toEqual({
      line: 2,
      row: { externalId: 'b', phone: '+8613812345678', tags: ['p', 'q'], attrs: {} },
    });
    expect(items[2]?.line).toBe(3);
    expect(items[2]?.reason).toMatch(/^not valid JSON: /);
    expect(items.slice(3)).toEqual([
      { line: 4, reason: 'expected a JSON object on this line' },
      { line: 6, reason: 'duplicate external_id "a": first seen on line 1' },
      { line: 7, reason: 'missing external_id' },
    ]);
  });

  it('reports a line with invalid UTF-8 and reads the others, from a stream', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"external_id":"a"}\n{"external_id":"'),
      Buffer.from([0xed, 0xa0, 0x80]), // an encoded surrogate: never valid UTF-8
      Buffer.from('"}\n{"external_id":"c"}\n'),
    ]);
    const items = await readAll(Readable.from([bytes]), 'jsonl');
    expect(items.map((i) => i.reason ?? i.row.externalId)).toEqual([
      'a',
      'line contains bytes that are not valid UTF-8',
      'c',
    ]);
  });

  it('refuses an empty JSONL file', async () => {
    expect((await failure(readAll(await file('empty.jsonl', '\n \n')))).message).toMatch(/empty/);
  });
});
