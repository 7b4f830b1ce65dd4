// Ingests an events JSONL file or stream (CLI `guimi import events`, NDJSON upload), batch by batch.
import type { Db } from '../../platform/store/database.js';
import type { ImportSource } from '../import/import-source.js';
import { readEventImportBatches, type EventImportItem } from '../import/read-event-import.js';
import { addReport, ingestEvents, type IngestOptions, type IngestReport } from './ingest-events.js';

/** Events per transaction: big enough to amortize the commit, small enough to bound memory. */
export const INGEST_BATCH = 10_000;

export async function importEvents(
  db: Db,
  workspaceId: string,
  source: ImportSource,
  now: () => Date,
  options: IngestOptions,
): Promise<IngestReport> {
  const total: IngestReport = { ingested: 0, duplicates: 0, failed: 0, errors: [] };
  let pending: EventImportItem[] = [];
  const flush = async () => {
    addReport(total, await ingestEvents(db, workspaceId, pending, now(), options));
    pending = [];
  };
  for await (const batch of readEventImportBatches(source, { format: 'jsonl', clock: { now } })) {
    for (const item of batch) pending.push(item);
    if (pending.length >= INGEST_BATCH) await flush();
  }
  if (pending.length > 0) await flush();
  return total;
}
