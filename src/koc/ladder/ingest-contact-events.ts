// Events the ladder and communities emit about contacts they hold by id (tier_changed, join_group,
// leave_group), ingested through the events use-case so rules, flows and listeners see them like any other.
import { ingestEventsById } from '../../audience/events/ingest-events.js';
import type { Db } from '../../platform/store/database.js';
import '../../audience/audience-tables.js';

export interface ContactEvent {
  /** Idempotency key of the event. */
  id: string;
  contactId: number;
  type: string;
  props: Record<string, unknown>;
}

// Events per transaction (and per listener call).
const CHUNK = 5_000;

export async function ingestContactEvents(
  db: Db,
  workspaceId: string,
  events: readonly ContactEvent[],
  now: Date,
  onListenerError: (error: unknown) => void = () => undefined,
): Promise<number> {
  let ingested = 0;
  for (let i = 0; i < events.length; i += CHUNK) {
    const items = events.slice(i, i + CHUNK).map((e, k) => ({
      line: i + k + 1,
      row: { id: e.id, contactId: e.contactId, type: e.type, at: now.getTime(), props: e.props },
    }));
    ingested += (await ingestEventsById(db, workspaceId, items, now, { onListenerError })).ingested;
  }
  return ingested;
}
