// Imports contacts from a CSV or JSONL file or stream, upserting by external_id. Counting: `imported` =
// new contacts, `updated` = existing contacts whose fields changed or that gained a tag, `unchanged` =
// existing contacts the file did not change (so re-importing a file reports them all unchanged and writes
// nothing). Tags only ever merge in. A bad row is reported with its line and reason and never half
// applied; every good row is written. A file that cannot be read at all throws IMPORT_UNREADABLE.
import { recordAudit } from '../platform/audit.js';
import { AppError } from '../platform/errors.js';
import type { Db } from '../platform/store/database.js';
import { dialectOf } from '../platform/store/dialect-of.js';
import { ContactBatchWriter, type LinedRow } from './contact-import/contact-batch-writer.js';
import { readBytes, type ImportSource } from './import/import-source.js';
import { importFormat, readContactImportBatches, type ImportFormat } from './import/read-contact-import.js';

/** Rows per transaction: big enough for bulk speed, small enough not to hold the store for long. */
const BATCH_ROWS = 10_000;
const MAX_ERRORS = 1000;

export interface ImportProgress {
  rows: number;
  bytes: number;
}

export interface ImportContactsOptions {
  format?: ImportFormat;
  now: Date;
  actor: string;
  /** Called after each batch is written. */
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportContactsResult {
  imported: number;
  updated: number;
  unchanged: number;
  failed: number;
  errors: { line: number; reason: string }[];
  errorsTruncated?: true;
}

export async function importContacts(
  db: Db,
  workspaceId: string,
  source: ImportSource,
  options: ImportContactsOptions,
): Promise<ImportContactsResult> {
  const format = importFormat(source, options.format);
  const progress: ImportProgress = { rows: 0, bytes: 0 };
  const result: ImportContactsResult = { imported: 0, updated: 0, unchanged: 0, failed: 0, errors: [] };
  const fail = (line: number, reason: string) => {
    result.failed++;
    if (result.errors.length < MAX_ERRORS) result.errors.push({ line, reason });
    else result.errorsTruncated = true;
  };
  const writer = new ContactBatchWriter(db, workspaceId);
  let pending: LinedRow[] = [];
  // Batches are written while the next is parsed. PostgreSQL writes two at once, each in its own
  // transaction on its own connection (the file's ids are distinct, so the two never touch one contact);
  // SQLite has one writer.
  const inFlight = dialectOf(db) === 'postgres' ? 2 : 1;
  const writing: Promise<void>[] = [];
  const write = async (batch: LinedRow[]) => {
    const done = await writer.write(batch, options.now);
    result.imported += done.imported;
    result.updated += done.updated;
    result.unchanged += done.unchanged;
    for (const f of done.failures) fail(f.line, f.reason);
    options.onProgress?.({ ...progress });
  };
  const flush = async () => {
    if (writing.length >= inFlight) await writing.shift();
    const batch = write(pending);
    // Awaited by a later flush; this only keeps a failure from counting as unhandled meanwhile.
    batch.catch(() => undefined);
    writing.push(batch);
    pending = [];
  };

  const counted = countBytes(source, progress);
  try {
    const clock = { now: () => options.now };
    for await (const items of readContactImportBatches(counted, { format, clock })) {
      for (const item of items) {
        progress.rows++;
        if (item.row) pending.push({ line: item.line, row: item.row });
        else fail(item.line, item.reason);
      }
      if (pending.length >= BATCH_ROWS) await flush();
    }
    await flush();
    while (writing.length > 0) await writing.shift();
  } catch (e) {
    await Promise.allSettled(writing);
    throw nameTheFile(e, source);
  }
  result.errors.sort((a, b) => a.line - b.line);
  const { errors: _errors, ...counts } = result;
  await recordAudit(db, {
    workspaceId,
    actor: options.actor,
    action: 'contacts.import',
    details: { format, rows: progress.rows, ...counts },
    at: options.now,
  });
  return result;
}

/** The source's bytes, counted into `progress.bytes` as they are read. */
async function* countBytes(source: ImportSource, progress: ImportProgress): AsyncGenerator<Buffer> {
  for await (const chunk of readBytes(source)) {
    progress.bytes += chunk.length;
    yield chunk;
  }
}

/** The readers name a stream "input"; when the import read a file, say which. */
function nameTheFile(e: unknown, source: ImportSource): unknown {
  if (typeof source !== 'string' || !(e instanceof AppError) || e.code !== 'IMPORT_UNREADABLE') return e;
  const details = e.details as { file?: string } | undefined;
  if (details?.file !== 'input') return e;
  return new AppError('IMPORT_UNREADABLE', e.message.replace('cannot read input', `cannot read ${source}`), {
    ...details,
    file: source,
  });
}
