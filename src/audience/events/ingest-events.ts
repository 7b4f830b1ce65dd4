// Ingests one batch of validated events (API body, upload block or import file block) in one transaction:
// resolves contacts by external id (or by id, for events Guimi emits about contacts it holds) in bulk,
// inserts idempotently by event id, runs the enabled event rules on the new events, then tells the
// listeners (flows) after commit.
import type { Db } from '../../platform/store/database.js';
import { survivorsOfContactIds, survivorsOfExternalIds } from '../contacts/resolve-contacts.js';
import type { EventImportRow } from '../import/event-row.js';
import type { ImportItem } from '../import/read-contact-import.js';
import type { EventImportItem } from '../import/read-event-import.js';
import { runningAudienceIndex } from '../index/audience-index.js';
import type { KnownEvents } from '../index/catch-up.js';
import type { FeedRow } from '../index/index-reads.js';
import { applyEventRules } from '../rules/apply-event-rules.js';
import { insertEvents, type EventInsert } from './insert-events.js';
import { hasEventsListeners, notifyEventsIngested, type IngestedEvent } from './on-events-ingested.js';
import '../audience-tables.js';

export interface IngestError {
  /** The line of the file, or the index in the API batch (see the caller). */
  line: number;
  reason: string;
}

export interface IngestReport {
  ingested: number;
  duplicates: number;
  failed: number;
  errors: IngestError[];
}

export interface IngestOptions {
  /** Where a listener's failure goes (after commit: the events are stored either way). */
  onListenerError: (error: unknown) => void;
}

/** An event about a contact the caller holds by id (events Guimi emits itself: tier changes, group joins). */
export interface ContactIdEventRow extends Omit<EventImportRow, 'contactExternalId'> {
  contactId: number;
}

type Resolver<Row> = (trx: Db, rows: Row[]) => Promise<(row: Row) => number | undefined>;

export function ingestEvents(
  db: Db,
  workspaceId: string,
  items: readonly EventImportItem[],
  now: Date,
  options: IngestOptions,
): Promise<IngestReport> {
  return ingest(db, workspaceId, items, now, options, async (trx, rows) => {
    const contacts = await survivorsOfExternalIds(trx, workspaceId, [
      ...new Set(rows.map((r) => r.contactExternalId)),
    ]);
    return (r) => contacts.get(r.contactExternalId);
  });
}

/** The same for events about contacts held by id: one lookup, of who was erased or merged since. */
export function ingestEventsById(
  db: Db,
  workspaceId: string,
  items: readonly ImportItem<ContactIdEventRow>[],
  now: Date,
  options: IngestOptions,
): Promise<IngestReport> {
  return ingest(db, workspaceId, items, now, options, async (trx, rows) => {
    const contacts = await survivorsOfContactIds(trx, workspaceId, [
      ...new Set(rows.map((r) => r.contactId)),
    ]);
    return (r) => contacts.get(r.contactId);
  });
}

async function ingest<Row extends ContactIdEventRow | EventImportRow>(
  db: Db,
  workspaceId: string,
  items: readonly ImportItem<Row>[],
  now: Date,
  options: IngestOptions,
  resolver: Resolver<Row>,
): Promise<IngestReport> {
  const report: IngestReport = { ingested: 0, duplicates: 0, failed: 0, errors: [] };
  const fail = (line: number, reason: string) => {
    report.failed++;
    report.errors.push({ line, reason });
  };
  const rows: Row[] = [];
  for (const item of items) if (item.row) rows.push(item.row);

  const ingested: IngestedEvent[] = [];
  let known: KnownEvents | undefined;
  await db.transaction().execute(async (trx) => {
    const contactOf = await resolver(trx, rows);
    const inserts: EventInsert[] = [];
    const insertedRows: Row[] = [];
    const batchIds = new Set<string>();
    for (const item of items) {
      if (item.reason !== undefined) {
        fail(item.line, item.reason);
        continue;
      }
      const r = item.row;
      const contactId = contactOf(r);
      if (contactId === undefined) {
        fail(item.line, `unknown contact "${'contactId' in r ? r.contactId : r.contactExternalId}"`);
        continue;
      }
      // A repeated id within the batch: the first occurrence is the event, the rest are duplicates.
      if (batchIds.has(r.id)) {
        report.duplicates++;
        continue;
      }
      batchIds.add(r.id);
      inserts.push({
        eventId: r.id,
        contactId,
        type: r.type,
        at: r.at,
        sourceKind: r.source?.kind ?? null,
        sourceId: r.source?.id ?? null,
        props: JSON.stringify(r.props),
      });
      insertedRows.push(r);
    }
    const { seqs, priorSeq } = await insertEvents(trx, workspaceId, inserts, now.toISOString());
    for (let k = 0; k < inserts.length; k++) {
      if (seqs[k] === 0) {
        report.duplicates++;
        continue;
      }
      const r = insertedRows[k]!;
      ingested.push({
        workspaceId,
        contactId: inserts[k]!.contactId,
        type: r.type,
        at: r.at,
        source: r.source ?? null,
        props: r.props,
      });
    }
    if (priorSeq !== null) known = { priorSeq, rows: feedRows(workspaceId, inserts, seqs, priorSeq) };
    report.ingested = ingested.length;
    await applyEventRules(trx, workspaceId, ingested, now);
  });
  if (known) runningAudienceIndex(db)?.takeEvents(known);
  if (hasEventsListeners()) {
    await notifyEventsIngested(ingested, options.onListenerError);
  }
  return report;
}

/** The new rows as the index's feed would read them, in seq order. */
function feedRows(
  workspaceId: string,
  inserts: readonly EventInsert[],
  seqs: readonly number[],
  priorSeq: number,
): FeedRow[] {
  // The new seqs follow priorSeq (their gaps are skipped duplicates): placed by seq, they come out in order.
  const slots = new Array<FeedRow | undefined>(inserts.length).fill(undefined);
  inserts.forEach((e, k) => {
    const seq = seqs[k]!;
    if (seq !== 0)
      slots[seq - priorSeq - 1] = {
        seq,
        workspace_id: workspaceId,
        contact_id: e.contactId,
        type: e.type,
        at: e.at,
      };
  });
  return slots.filter((r) => r !== undefined);
}

/** Adds a batch's report to a running total, keeping at most `maxErrors` error rows. */
export function addReport(total: IngestReport, part: IngestReport, maxErrors = 1000): void {
  total.ingested += part.ingested;
  total.duplicates += part.duplicates;
  total.failed += part.failed;
  for (const e of part.errors) if (total.errors.length < maxErrors) total.errors.push(e);
}
