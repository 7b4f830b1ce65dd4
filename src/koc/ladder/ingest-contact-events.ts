// Events the ladder and communities emit about contacts they hold by id (tier_changed, join_group,
// leave_group), ingested through the events use-case so rules, flows and listeners see them like any other.
import { ingestEvents } from '../../audience/events/ingest-events.js';
import type { EventImportItem } from '../../audience/import/read-event-import.js';
import type { Db } from '../../platform/store/database.js';
import '../../audience/audience-tables.js';

export interface ContactEvent {
  /** Idempotency key of the event. */
  id: string;
  contactId: number;
  type: string;
  props: Record<string, unknown>;
}

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
    const part = events.slice(i, i + CHUNK);
    const rows = await db
      .selectFrom('contacts')
      .select(['id', 'external_id'])
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', [...new Set(part.map((e) => e.contactId))])
      .execute();
    const external = new Map(rows.map((r) => [Number(r.id), r.external_id]));
    const items: EventImportItem[] = [];
    part.forEach((e, k) => {
      const contactExternalId = external.get(e.contactId);
      if (contactExternalId === undefined) return;
      items.push({
        line: i + k + 1,
        row: { id: e.id, contactExternalId, type: e.type, at: now.getTime(), props: e.props },
      });
    });
    ingested += (await ingestEvents(db, workspaceId, items, now, { onListenerError })).ingested;
  }
  return ingested;
}
