// Streaming RFC 4180 CSV reader: a header row, then one record per row. Quoted fields may hold commas,
// doubled quotes and line breaks; CRLF and LF both end rows; empty lines are skipped. Rows with the
// wrong column count, invalid UTF-8 or a broken quote become row errors and the rest still parses.
import { decodeUtf8Lines, type TextBlock } from './decode-utf8-lines.js';
import { readBytes, unreadable, type ImportSource, type ParsedRecord } from './import-source.js';

export type CsvRecord = ParsedRecord<Record<string, string>>;

export interface CsvOptions {
  /** Maps a header name to its record key (default: the name as it is). */
  headerKey?: (name: string) => string;
  /** Record keys the header must have, or the file is IMPORT_UNREADABLE. */
  requiredColumns?: string[];
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
/** A record still open after this many characters is taken to be an unterminated quote. */
const MAX_RECORD_CHARS = 1 << 20;

export async function* readCsvRecords(
  source: ImportSource,
  options: CsvOptions = {},
): AsyncGenerator<CsvRecord> {
  for await (const batch of readCsvBatches(source, options)) yield* batch;
}

/** The same records in arrays (one per block read): callers that write in bulk skip a yield per row. */
export async function* readCsvBatches(
  source: ImportSource,
  options: CsvOptions = {},
): AsyncGenerator<CsvRecord[]> {
  const parser = new CsvParser(source, options);
  for await (const block of decodeUtf8Lines(readBytes(source), source)) {
    const out: CsvRecord[] = [];
    parser.push(block, out);
    if (out.length > 0) yield out;
  }
  const out: CsvRecord[] = [];
  parser.end(out);
  if (out.length > 0) yield out;
}

interface Row {
  fields: string[];
  /** Index just past the row's line break. */
  next: number;
  /** Physical lines the row spans. */
  lines: number;
  malformed: boolean;
}

class CsvParser {
  private header: string[] | undefined;
  private carry = '';
  /** Physical line at the start of `carry` (or of the next row). */
  private line = 1;
  private readonly badLines: number[] = [];

  constructor(
    private readonly source: ImportSource,
    private readonly options: CsvOptions,
  ) {}

  push(block: TextBlock, out: CsvRecord[]): void {
    for (const bad of block.badLines) this.badLines.push(bad);
    const s = this.carry === '' ? block.text : this.carry + block.text;
    this.carry = s.slice(this.parse(s, out));
    while (this.carry.length > MAX_RECORD_CHARS) this.skipOpenRow(out, 'is not closed within 1 MiB');
  }

  end(out: CsvRecord[]): void {
    while (this.carry !== '') this.skipOpenRow(out, 'is never closed');
    if (!this.header) throw unreadable(this.source, 'the file is empty (no header row)');
  }

  /** Parses whole rows of `s`; returns where an unfinished (open-quoted) row starts. */
  private parse(s: string, out: CsvRecord[]): number {
    let p = 0;
    let nextQuote = -1;
    while (p < s.length) {
      const lf = s.indexOf('\n', p);
      if (lf < 0) return p;
      if (nextQuote < p) {
        const q = s.indexOf('"', p);
        nextQuote = q < 0 ? Infinity : q;
      }
      if (nextQuote > lf) {
        // Fast path: a row without quotes is one line split on commas.
        const end = lf > p && s.charCodeAt(lf - 1) === CR ? lf - 1 : lf;
        if (end > p)
          this.row({ fields: s.slice(p, end).split(','), next: lf + 1, lines: 1, malformed: false }, out);
        else this.line++;
        p = lf + 1;
        continue;
      }
      const row = parseQuotedRow(s, p);
      if (!row) return p;
      this.row(row, out);
      p = row.next;
    }
    return p;
  }

  private row(row: Row, out: CsvRecord[]): void {
    const line = this.line;
    this.line += row.lines;
    const badUtf8 = this.takeBadLines(line, this.line - 1);
    const header = this.header;
    if (!header) {
      if (badUtf8) throw unreadable(this.source, 'the header row is not valid UTF-8');
      if (row.malformed) throw unreadable(this.source, 'the header row has a malformed quoted field');
      this.header = this.checkHeader(row.fields);
      return;
    }
    if (badUtf8) out.push({ line, error: 'row contains bytes that are not valid UTF-8' });
    else if (row.malformed) {
      out.push({
        line,
        error: 'malformed quoted field: a closing quote must be followed by a comma or line end',
      });
    } else if (row.fields.length !== header.length) {
      out.push({ line, error: `expected ${header.length} columns, found ${row.fields.length}` });
    } else {
      const record: Record<string, string> = {};
      for (let i = 0; i < header.length; i++) record[header[i]!] = row.fields[i]!;
      out.push({ line, record });
    }
  }

  /** Reports the open row's first line and resumes on the line after it. */
  private skipOpenRow(out: CsvRecord[], why: string): void {
    if (!this.header) throw unreadable(this.source, `a quote in the header row ${why}`);
    const line = this.line++;
    this.takeBadLines(line, line);
    out.push({ line, error: `unterminated quoted field: a quote opened on this line ${why}` });
    const rest = this.carry.slice(this.carry.indexOf('\n') + 1);
    this.carry = rest.slice(this.parse(rest, out));
  }

  private takeBadLines(from: number, to: number): boolean {
    let hit = false;
    while (this.badLines.length > 0 && this.badLines[0]! <= to) hit = this.badLines.shift()! >= from || hit;
    return hit;
  }

  private checkHeader(names: string[]): string[] {
    const keys = this.options.headerKey ? names.map(this.options.headerKey) : names;
    for (const column of this.options.requiredColumns ?? []) {
      if (!keys.includes(column)) {
        throw unreadable(this.source, `the header has no ${column} column (found: ${keys.join(', ')})`);
      }
    }
    const seen = new Set<string>();
    keys.forEach((key, i) => {
      if (key.trim() === '') throw unreadable(this.source, `header column ${i + 1} has no name`);
      if (key === '__proto__') throw unreadable(this.source, `header column ${i + 1} has a reserved name`);
      if (seen.has(key)) throw unreadable(this.source, `header column "${key}" appears twice`);
      seen.add(key);
    });
    return keys;
  }
}

/** Slow path for a row holding quotes; undefined when the row does not end within `s`. */
function parseQuotedRow(s: string, p: number): Row | undefined {
  const fields: string[] = [];
  let lines = 1;
  let malformed = false;
  let i = p;
  for (;;) {
    let value: string;
    if (s.charCodeAt(i) === QUOTE) {
      value = '';
      let j = i + 1;
      for (;;) {
        const q = s.indexOf('"', j);
        if (q < 0 || q + 1 >= s.length) return undefined;
        value += s.slice(j, q);
        if (s.charCodeAt(q + 1) !== QUOTE) {
          i = q + 1;
          break;
        }
        value += '"';
        j = q + 2;
      }
      for (let k = value.indexOf('\n'); k >= 0; k = value.indexOf('\n', k + 1)) lines++;
      const stop = fieldEnd(s, i);
      if (stop < 0) return undefined;
      if (stop > i) malformed = true;
      i = stop;
    } else {
      const stop = fieldEnd(s, i);
      if (stop < 0) return undefined;
      value = s.slice(i, stop);
      i = stop;
    }
    fields.push(value);
    if (s.charCodeAt(i) === COMMA) {
      i++;
      continue;
    }
    return { fields, next: s.charCodeAt(i) === CR ? i + 2 : i + 1, lines, malformed };
  }
}

/** Index of the comma, LF or CRLF that ends an unquoted field starting at i; -1 if none in `s`. */
function fieldEnd(s: string, i: number): number {
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === COMMA || c === LF) return i;
    if (c === CR && s.charCodeAt(i + 1) === LF) return i;
  }
  return -1;
}
