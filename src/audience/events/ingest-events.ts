// Ingests one batch of validated events (API body, upload block or import file block) in one transaction:
// resolves contacts by external id in bulk, inserts idempotently by event id, runs the enabled event rules
// on the new events, then tells the listeners (flows) after commit.
import type { Db } from '../../platform/store/database.js';
import type { EventImportRow } from '../import/event-row.js';
import type { EventImportItem } from '../import/read-event-import.js';
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

const LOOKUP_CHUNK = 10_000;

export async function ingestEvents(
  db: Db,
  workspaceId: string,
  items: readonly EventImportItem[],
  now: Date,
  options: IngestOptions,
): Promise<IngestReport> {
  const report: IngestReport = { ingested: 0, duplicates: 0, failed: 0, errors: [] };
  const fail = (line: number, reason: string) => {
    report.failed++;
    report.errors.push({ line, reason });
  };
  const externalIds = new Set<string>();
  for (const item of items) if (item.row) externalIds.add(item.row.contactExternalId);

  const ingested: IngestedEvent[] = [];
  await db.transaction().execute(async (trx) => {
    const contacts = await resolveContacts(trx, workspaceId, [...externalIds]);
    const pending: { insert: EventInsert; row: EventImportRow }[] = [];
    const batchIds = new Set<string>();
    for (const item of items) {
      if (!item.row) {
        fail(item.line, item.reason);
        continue;
      }
      const r = item.row;
      const contactId = contacts.get(r.contactExternalId);
      if (contactId === undefined) {
        fail(item.line, `unknown contact "${r.contactExternalId}"`);
        continue;
      }
      // A repeated id within the batch: the first occurrence is the event, the rest are duplicates.
      if (batchIds.has(r.id)) {
        report.duplicates++;
        continue;
      }
      batchIds.add(r.id);
      const insert = {
        eventId: r.id,
        contactId,
        type: r.type,
        at: r.at,
        sourceKind: r.source?.kind ?? null,
        sourceId: r.source?.id ?? null,
        props: JSON.stringify(r.props),
      };
      pending.push({ insert, row: r });
    }
    // In (contact, time) order the (contact_id, at) index is written page by page, not at random.
    const sorted = pending.map((p) => p.insert).sort((a, b) => a.contactId - b.contactId || a.at - b.at);
    const fresh = await insertEvents(trx, workspaceId, sorted, now.toISOString());
    for (const { insert, row: r } of pending) {
      if (!fresh.has(insert.eventId)) {
        report.duplicates++;
        continue;
      }
      ingested.push({
        workspaceId,
        contactId: insert.contactId,
        type: r.type,
        at: r.at,
        source: r.source ?? null,
        props: r.props,
      });
    }
    report.ingested = ingested.length;
    await applyEventRules(trx, workspaceId, ingested, now);
  });
  if (hasEventsListeners()) {
    await notifyEventsIngested(ingested, options.onListenerError);
  }
  return report;
}

/** external_id → the contact that now holds its events (a merged contact's survivor); erased ones are gone. */
async function resolveContacts(
  trx: Db,
  workspaceId: string,
  externalIds: string[],
): Promise<Map<string, number>> {
  const map = new Map<string, number>();
  for (let i = 0; i < externalIds.length; i += LOOKUP_CHUNK) {
    const found = await trx
      .selectFrom('contacts')
      .select(['id', 'external_id', 'merged_into'])
      .where('workspace_id', '=', workspaceId)
      .where('external_id', 'in', externalIds.slice(i, i + LOOKUP_CHUNK))
      .where('erased_at', 'is', null)
      .execute();
    for (const c of found) map.set(c.external_id, c.merged_into ?? c.id);
  }
  return map;
}

/** Adds a batch's report to a running total, keeping at most `maxErrors` error rows. */
export function addReport(total: IngestReport, part: IngestReport, maxErrors = 1000): void {
  total.ingested += part.ingested;
  total.duplicates += part.duplicates;
  total.failed += part.failed;
  for (const e of part.errors) if (total.errors.length < maxErrors) total.errors.push(e);
}
