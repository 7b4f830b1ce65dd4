// Writers of contacts and tags append to the change feed in the same transaction, so every process's
// segment index (src/audience/index) picks the change up before its next count.
import { sql } from 'kysely';
import type { Db } from '../platform/store/database.js';
import { idRows } from '../platform/store/id-list.js';
import './audience-tables.js';

export type ChangeKind = 'contact' | 'erase';

export async function recordChanges(
  db: Db,
  workspaceId: string,
  contactIds: Iterable<number>,
  kind: ChangeKind,
  now: Date,
): Promise<void> {
  const ids = [...new Set(contactIds)];
  if (ids.length === 0) return;
  const at = now.toISOString();
  // A 10,000-contact import batch appends its feed in one statement.
  await sql`insert into audience_changes (workspace_id, contact_id, kind, at)
    select ${workspaceId}, ids.*, ${kind}, ${at} from (${idRows(db, ids)}) as ids`.execute(db);
}
