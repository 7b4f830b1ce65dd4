// Channel happenings (friend added, message in, joined/left a group) become audience events through
// the events ingestion use-case, so flows, auto-replies and the index see them like any other event.
import { ingestEvents } from '../../audience/events/ingest-events.js';
import type { EventImportItem } from '../../audience/import/read-event-import.js';
import type { Logger } from '../../platform/log.js';
import type { Db } from '../../platform/store/database.js';
import '../../audience/audience-tables.js';

export interface ContactEvent {
  /** Stable per happening: ingestion is idempotent on it. */
  id: string;
  contactId: number;
  type: string;
  /** Epoch ms. */
  at: number;
  accountId: string;
  props: Record<string, unknown>;
}

export async function emitContactEvents(
  db: Db,
  logger: Logger,
  workspaceId: string,
  events: readonly ContactEvent[],
  now: Date,
): Promise<number> {
  if (events.length === 0) return 0;
  const rows = await db
    .selectFrom('contacts')
    .select(['id', 'external_id'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', [...new Set(events.map((e) => e.contactId))])
    .execute();
  const external = new Map(rows.map((r) => [Number(r.id), r.external_id]));
  const items: EventImportItem[] = [];
  for (const e of events) {
    const ext = external.get(e.contactId);
    if (ext === undefined) continue;
    items.push({
      line: items.length + 1,
      row: {
        id: e.id,
        contactExternalId: ext,
        type: e.type,
        at: e.at,
        props: { accountId: e.accountId, ...e.props },
        source: { kind: 'channel', id: e.accountId },
      },
    });
  }
  const r = await ingestEvents(db, workspaceId, items, now, {
    onListenerError: (err) => logger.error({ err }, 'an events listener failed on a channel event'),
  });
  return r.ingested;
}
