// Events are written in bulk (100k+ a second). Idempotent on (workspace_id, event_id): RETURNING lists
// only the rows really inserted, so the rest are duplicates.
import type { Db } from '../../platform/store/database.js';
import { insertRows } from '../../platform/store/insert-rows.js';

export interface EventInsert {
  eventId: string;
  contactId: number;
  type: string;
  at: number;
  sourceKind: string | null;
  sourceId: string | null;
  /** JSON text. */
  props: string;
}

const COLUMNS = [
  'workspace_id',
  'event_id',
  'contact_id',
  'type',
  'at',
  'source_kind',
  'source_id',
  'props',
  'received_at',
];

/** Inserts the rows; returns the event ids that were new. */
export async function insertEvents(
  trx: Db,
  workspaceId: string,
  rows: readonly EventInsert[],
  receivedAt: string,
): Promise<Set<string>> {
  const { returned } = await insertRows<{ event_id: string }>(
    trx,
    'events',
    COLUMNS,
    rows.map((r) => [
      workspaceId,
      r.eventId,
      r.contactId,
      r.type,
      r.at,
      r.sourceKind,
      r.sourceId,
      r.props,
      receivedAt,
    ]),
    { tail: 'on conflict (workspace_id, event_id) do nothing returning event_id' },
  );
  return new Set(returned.map((r) => r.event_id));
}
