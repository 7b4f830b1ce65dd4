import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsvRecords } from './csv-records.js';
import { CSV_BOM, toCsvLine } from './csv-writer.js';

describe('toCsvLine', () => {
  it('quotes only what needs it and ends with CRLF', () => {
    expect(toCsvLine(['wx_1', '王芳', 1990, null, 2.5])).toBe('wx_1,王芳,1990,,2.5\r\n');
    expect(toCsvLine(['a,b', 'say "hi"', 'two\nlines', ' padded', 'cr\r'])).toBe(
      '"a,b","say ""hi""","two\nlines"," padded","cr\r"\r\n',
    );
    expect(toCsvLine([Number.NaN, Infinity])).toBe(',\r\n');
  });

  it('defuses spreadsheet formulas but leaves numbers and phones alone', () => {
    expect(toCsvLine(['=HYPERLINK("http://x")', '@SUM(A1)', '-小美', '+cmd'])).toBe(
      `"'=HYPERLINK(""http://x"")",'@SUM(A1),'-小美,'+cmd\r\n`,
    );
    expect(toCsvLine(['+8613812345678', '+86 138-1234-5678', '-12.5', -3])).toBe(
      '+8613812345678,+86 138-1234-5678,-12.5,-3\r\n',
    );
    expect(toCsvLine(['=1+1'], { formulaGuard: false })).toBe('=1+1\r\n');
  });

  it('writes what the importer reads back unchanged', async () => {
    const text = fc.string({
      unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ', '王', '😀', ';', '='),
      maxLength: 8,
    });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(text, text, text), { maxLength: 20 }), async (rows) => {
        const csv =
          CSV_BOM +
          toCsvLine(['a', 'b', 'c']) +
          rows.map((r) => toCsvLine(r, { formulaGuard: false })).join('');
        const read: string[][] = [];
        for await (const item of readCsvRecords(Readable.from([Buffer.from(csv)]))) {
          if (item.error !== undefined) throw new Error(item.error);
          read.push([item.record.a!, item.record.b!, item.record.c!]);
        }
        expect(read).toEqual(rows);
      }),
    );
  });
});
