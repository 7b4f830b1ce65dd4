// Streaming JSONL reader: one JSON object per line; blank lines are skipped. A line that is not a JSON
// object (or not valid UTF-8) is a row error and the rest still parses.
import { decodeUtf8Lines } from './decode-utf8-lines.js';
import { readBytes, unreadable, type ImportSource, type ParsedRecord } from './import-source.js';

export type JsonlRecord = ParsedRecord<Record<string, unknown>>;

export async function* readJsonlRecords(source: ImportSource): AsyncGenerator<JsonlRecord> {
  for await (const batch of readJsonlBatches(source)) yield* batch;
}

/** The same records in arrays (one per block read). */
export async function* readJsonlBatches(source: ImportSource): AsyncGenerator<JsonlRecord[]> {
  let empty = true;
  for await (const { text, firstLine, badLines } of decodeUtf8Lines(readBytes(source), source)) {
    const out: JsonlRecord[] = [];
    let bad = 0;
    for (let p = 0, line = firstLine; p < text.length; line++) {
      const lf = text.indexOf('\n', p);
      const raw = text.slice(p, lf);
      p = lf + 1;
      const badUtf8 = badLines[bad] === line;
      if (badUtf8) bad++;
      if (raw.trim() === '') continue;
      empty = false;
      out.push(
        badUtf8 ? { line, error: 'line contains bytes that are not valid UTF-8' } : parseLine(raw, line),
      );
    }
    if (out.length > 0) yield out;
  }
  if (empty) throw unreadable(source, 'the file is empty');
}

function parseLine(raw: string, line: number): JsonlRecord {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (e) {
    return { line, error: `not valid JSON: ${(e as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { line, error: 'expected a JSON object on this line' };
  }
  return { line, record: value as Record<string, unknown> };
}
