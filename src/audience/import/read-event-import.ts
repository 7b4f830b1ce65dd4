// Reads an events JSONL file into validated events and row errors, streaming.
import { systemClock } from '../../platform/clock.js';
import { validateEventRecord, type EventImportRow } from './event-row.js';
import { FirstSeen } from './first-seen.js';
import { unreadable, type ImportSource } from './import-source.js';
import { readJsonlBatches } from './jsonl-records.js';
import { type ImportItem, type ReadImportOptions } from './read-contact-import.js';

export type EventImportItem = ImportItem<EventImportRow>;

export async function* readEventImport(
  source: ImportSource,
  options: ReadImportOptions = {},
): AsyncGenerator<EventImportItem> {
  for await (const batch of readEventImportBatches(source, options)) yield* batch;
}

/** The same items in arrays of a few thousand, for callers that write in bulk. */
export async function* readEventImportBatches(
  source: ImportSource,
  options: ReadImportOptions = {},
): AsyncGenerator<EventImportItem[]> {
  if (
    (options.format ?? (typeof source === 'string' && /\.csv$/i.test(source) ? 'csv' : 'jsonl')) !== 'jsonl'
  ) {
    throw unreadable(source, 'events are imported from JSONL only (one JSON object per line)');
  }
  const nowMs = (options.clock ?? systemClock).now().getTime();
  // An event id appears once per file: a repeat is more likely a mistake than a retry.
  const firstSeen = new FirstSeen();
  for await (const records of readJsonlBatches(source)) {
    const out: EventImportItem[] = [];
    for (const { line, record, error } of records) {
      if (error !== undefined) {
        out.push({ line, reason: error });
        continue;
      }
      const checked = validateEventRecord(record, nowMs);
      const first = checked.id === undefined ? undefined : firstSeen.check(checked.id, line);
      if (first !== undefined) {
        out.push({ line, reason: `duplicate event id "${checked.id}": first seen on line ${first}` });
        continue;
      }
      out.push(checked.row ? { line, row: checked.row } : { line, reason: checked.reason });
    }
    yield out;
  }
}
