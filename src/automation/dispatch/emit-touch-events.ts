// Tells the audience what dispatch did: a `message` event (direction 'out') per touch sent to a contact,
// through the events ingestion use-case, so flows can branch on it and the index counts it.
import { ingestEvents } from '../../audience/events/ingest-events.js';
import type { EventImportItem } from '../../audience/import/read-event-import.js';
import type { Logger } from '../../platform/log.js';
import type { Db } from '../../platform/store/database.js';
import type { TouchTable } from './dispatch-tables.js';

export async function emitTouchEvents(
  db: Db,
  logger: Logger,
  sent: readonly TouchTable[],
  now: Date,
): Promise<void> {
  const toContacts = sent.filter((t) => t.contact_id !== null);
  if (toContacts.length === 0) return;
  const ids = [...new Set(toContacts.map((t) => Number(t.contact_id)))];
  const external = new Map<number, string>();
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await db
      .selectFrom('contacts')
      .select(['id', 'external_id'])
      .where('id', 'in', ids.slice(i, i + 5000))
      .execute();
    for (const r of rows) external.set(Number(r.id), r.external_id);
  }
  const byWorkspace = new Map<string, EventImportItem[]>();
  for (const t of toContacts) {
    const ext = external.get(Number(t.contact_id));
    if (ext === undefined) continue;
    const items = byWorkspace.get(t.workspace_id) ?? [];
    byWorkspace.set(t.workspace_id, items);
    items.push({
      line: items.length + 1,
      row: {
        id: `touch:${t.id}`,
        contactExternalId: ext,
        type: 'message',
        at: now.getTime(),
        props: { direction: 'out', touchId: t.id, flowId: t.flow_id, kind: t.kind },
        source: { kind: 'channel', id: t.account_id },
      },
    });
  }
  for (const [workspaceId, items] of byWorkspace) {
    await ingestEvents(db, workspaceId, items, now, {
      onListenerError: (err) => logger.error({ err }, 'events listener failed'),
    });
  }
}
