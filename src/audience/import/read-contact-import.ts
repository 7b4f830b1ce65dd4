// Reads a contact import file (CSV or JSONL) into validated rows and row errors, streaming. The caller
// (the use-case that writes the store) decides what to do with each; this layer only reads and checks.
import { systemClock, type Clock } from '../../platform/clock.js';
import { contactColumnKey, validateContactRecord, type ContactImportRow } from './contact-row.js';
import { readCsvBatches } from './csv-records.js';
import { FirstSeen } from './first-seen.js';
import { unreadable, type ImportSource, type ParsedRecord } from './import-source.js';
import { readJsonlBatches } from './jsonl-records.js';

export type ImportFormat = 'csv' | 'jsonl';

export interface ReadImportOptions {
  /** Defaults to the file's extension (.csv, .jsonl, .ndjson); required for streams. */
  format?: ImportFormat;
  /** Gives the current year (birth_year's upper bound) or time (events' upper bound). */
  clock?: Clock;
}

export type ImportItem<Row> =
  { line: number; row: Row; reason?: undefined } | { line: number; row?: undefined; reason: string };

export type ContactImportItem = ImportItem<ContactImportRow>;

export async function* readContactImport(
  source: ImportSource,
  options: ReadImportOptions = {},
): AsyncGenerator<ContactImportItem> {
  for await (const batch of readContactImportBatches(source, options)) yield* batch;
}

/** The same items in arrays of a few thousand, for callers that write in bulk. */
export async function* readContactImportBatches(
  source: ImportSource,
  options: ReadImportOptions = {},
): AsyncGenerator<ContactImportItem[]> {
  const format = importFormat(source, options.format);
  const currentYear = (options.clock ?? systemClock).now().getUTCFullYear();
  const batches: AsyncIterable<ParsedRecord<Record<string, unknown>>[]> =
    format === 'csv'
      ? readCsvBatches(source, { headerKey: contactColumnKey, requiredColumns: ['external_id'] })
      : readJsonlBatches(source);
  // Every id seen (even on a rejected row) claims it: an id must appear once per file.
  const firstSeen = new FirstSeen();
  for await (const records of batches) {
    const out: ContactImportItem[] = [];
    for (const { line, record, error } of records) {
      if (error !== undefined) {
        out.push({ line, reason: error });
        continue;
      }
      const checked = validateContactRecord(record, currentYear);
      const first = checked.externalId === undefined ? undefined : firstSeen.check(checked.externalId, line);
      if (first !== undefined) {
        const duplicate = `duplicate external_id "${checked.externalId}": first seen on line ${first}`;
        out.push({ line, reason: checked.reason ? `${duplicate}; ${checked.reason}` : duplicate });
        continue;
      }
      out.push(checked.row ? { line, row: checked.row } : { line, reason: checked.reason });
    }
    yield out;
  }
}

export function importFormat(source: ImportSource, format: ImportFormat | undefined): ImportFormat {
  if (format) return format;
  const ext = typeof source === 'string' ? /\.([a-z]+)$/i.exec(source)?.[1]?.toLowerCase() : undefined;
  if (ext === 'csv') return 'csv';
  if (ext === 'jsonl' || ext === 'ndjson') return 'jsonl';
  throw unreadable(source, 'unknown format: name the file .csv or .jsonl (or give the format)');
}
