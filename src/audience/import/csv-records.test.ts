import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { readCsvRecords, type CsvRecord } from './csv-records.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The bytes as a stream cut into `size`-byte chunks, so rows and characters straddle chunk ends. */
function stream(bytes: Buffer | string, size = 1 << 16): Readable {
  const buf = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  const chunks: Buffer[] = [];
  for (let i = 0; i < buf.length; i += size) chunks.push(buf.subarray(i, i + size));
  return Readable.from(chunks);
}

async function read(bytes: Buffer | string, size?: number): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const item of readCsvRecords(stream(bytes, size))) out.push(item);
  return out;
}

async function unreadableMessage(bytes: Buffer | string): Promise<string> {
  const error = await read(bytes).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('IMPORT_UNREADABLE');
  expect((error as AppError).exitCode).toBe(2);
  return (error as AppError).message;
}

describe('readCsvRecords', () => {
  it('reads a header and rows with LF endings', async () => {
    expect(await read('id,name\n1,Ann\n2,Bo\n')).toEqual([
      { line: 2, record: { id: '1', name: 'Ann' } },
      { line: 3, record: { id: '2', name: 'Bo' } },
    ]);
  });

  it('drops a UTF-8 BOM and handles CRLF', async () => {
    const bytes = Buffer.concat([BOM, Buffer.from('id,name\r\n1,Ann\r\n2,Bo\r\n')]);
    expect(await read(bytes)).toEqual([
      { line: 2, record: { id: '1', name: 'Ann' } },
      { line: 3, record: { id: '2', name: 'Bo' } },
    ]);
  });

  it('reads quoted commas, doubled quotes and line breaks, numbering rows by their first line', async () => {
    const text = 'id,note,city\r\n1,"a, b","He said ""hi"""\r\n2,"two\r\nlines\nhere",x\n3,plain,"q"\n';
    expect(await read(text)).toEqual([
      { line: 2, record: { id: '1', note: 'a, b', city: 'He said "hi"' } },
      { line: 3, record: { id: '2', note: 'two\r\nlines\nhere', city: 'x' } },
      { line: 6, record: { id: '3', note: 'plain', city: 'q' } },
    ]);
  });

  it('keeps Chinese and emoji intact even when chunks split their bytes', async () => {
    const text = 'id,name,tags\n1,王芳 🌸,"护肤;母婴"\n2,😀😀,李\n';
    const whole = await read(text);
    expect(whole).toEqual([
      { line: 2, record: { id: '1', name: '王芳 🌸', tags: '护肤;母婴' } },
      { line: 3, record: { id: '2', name: '😀😀', tags: '李' } },
    ]);
    for (const size of [1, 2, 3, 5, 7]) expect(await read(text, size)).toEqual(whole);
  });

  it('ignores empty lines, including the trailing one, and reads a last row without a line break', async () => {
    expect(await read('id,name\n1,a\n\n2,b')).toEqual([
      { line: 2, record: { id: '1', name: 'a' } },
      { line: 4, record: { id: '2', name: 'b' } },
    ]);
    expect(await read('id,name\r\n1,a\r\n\r\n')).toEqual([{ line: 2, record: { id: '1', name: 'a' } }]);
  });

  it('reports a wrong column count and goes on', async () => {
    expect(await read('id,name\n1,a,extra\n2\n3,c\n')).toEqual([
      { line: 2, error: 'expected 2 columns, found 3' },
      { line: 3, error: 'expected 2 columns, found 1' },
      { line: 4, record: { id: '3', name: 'c' } },
    ]);
  });

  it('reports invalid UTF-8 in one row (even before a comma) and reads the rest', async () => {
    const bytes = Buffer.concat([
      Buffer.from('id,name\n1,王\n2,'),
      Buffer.from([0xe4, 0x2c, 0xff]),
      Buffer.from(',x\n3,"quoted\n'),
      Buffer.from([0xc3]),
      Buffer.from('"\n4,芳\n'),
    ]);
    const expected = [
      { line: 2, record: { id: '1', name: '王' } },
      { line: 3, error: 'row contains bytes that are not valid UTF-8' },
      { line: 4, error: 'row contains bytes that are not valid UTF-8' },
      { line: 6, record: { id: '4', name: '芳' } },
    ];
    expect(await read(bytes)).toEqual(expected);
    expect(await read(bytes, 3)).toEqual(expected);
  });

  it('reports a field with text after its closing quote', async () => {
    expect(await read('id,name\n1,"a"b\n2,c\n')).toEqual([
      { line: 2, error: 'malformed quoted field: a closing quote must be followed by a comma or line end' },
      { line: 3, record: { id: '2', name: 'c' } },
    ]);
  });

  it('treats a quote inside an unquoted field as text', async () => {
    expect(await read('id,size\n1,5" screen\n')).toEqual([
      { line: 2, record: { id: '1', size: '5" screen' } },
    ]);
  });

  it('reports an unterminated quote on its line and resumes on the next line', async () => {
    expect(await read('id,name\n1,"never closed\n2,b\n3,c\n')).toEqual([
      { line: 2, error: 'unterminated quoted field: a quote opened on this line is never closed' },
      { line: 3, record: { id: '2', name: 'b' } },
      { line: 4, record: { id: '3', name: 'c' } },
    ]);
  });

  it('gives up on an open quote after 1 MiB instead of holding the rest of the file', async () => {
    const filler = 'x,y\n'.repeat(300_000);
    const items = await read(`id,name\n1,"open\n${filler}`);
    expect(items[0]).toEqual({
      line: 2,
      error: 'unterminated quoted field: a quote opened on this line is not closed within 1 MiB',
    });
    expect(items[1]).toEqual({ line: 3, record: { id: 'x', name: 'y' } });
    expect(items).toHaveLength(300_001);
  });

  it('refuses files it cannot read at all', async () => {
    expect(await unreadableMessage('')).toMatch(/empty/);
    expect(await unreadableMessage(BOM)).toMatch(/empty/);
    expect(await unreadableMessage('\n\n')).toMatch(/empty/);
    expect(
      await unreadableMessage(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0])),
    ).toMatch(/binary/);
    expect(await unreadableMessage(Buffer.from('\ufeffid,name\n1,a\n', 'utf16le'))).toMatch(/UTF-16/);
    expect(
      await unreadableMessage(
        Buffer.concat([Buffer.from('id,'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]),
      ),
    ).toMatch(/header row is not valid UTF-8/);
    expect(await unreadableMessage('id,id\n1,2\n')).toMatch(/"id" appears twice/);
    expect(await unreadableMessage('id,,name\n1,2,3\n')).toMatch(/column 2 has no name/);
    expect(await unreadableMessage('id,__proto__\n1,2\n')).toMatch(/reserved/);
  });

  it('refuses a GBK file, whose Chinese rows are all invalid UTF-8', async () => {
    const zhongwen = Buffer.from([0xd6, 0xd0, 0xce, 0xc4]); // 中文 in GBK
    const rows = [1, 2, 3, 4].map((i) =>
      Buffer.concat([Buffer.from(`${i},`), zhongwen, Buffer.from('\r\n')]),
    );
    expect(await unreadableMessage(Buffer.concat([Buffer.from('id,name\r\n'), ...rows]))).toMatch(/GBK/);
  });

  it('reports a missing file as unreadable', async () => {
    const error = await readCsvRecords('/nonexistent/contacts.csv')
      .next()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toBe('cannot read /nonexistent/contacts.csv: no such file');
  });
});
