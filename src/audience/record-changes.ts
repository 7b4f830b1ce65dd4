// Writers of contacts and tags append to the change feed in the same transaction, so every process's
// segment index (src/audience/index) picks the change up before its next count.
import type { Db } from '../platform/store/database.js';
import './audience-tables.js';

export type ChangeKind = 'contact' | 'erase';

export async function recordChanges(
  db: Db,
  workspaceId: string,
  contactIds: Iterable<number>,
  kind: ChangeKind,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  const rows = [...new Set(contactIds)].map((contact_id) => ({
    workspace_id: workspaceId,
    contact_id,
    kind,
    at,
  }));
  // Chunks keep each statement under SQLite's bound-parameter limit.
  for (let i = 0; i < rows.length; i += 5000) {
    await db
      .insertInto('audience_changes')
      .values(rows.slice(i, i + 5000))
      .execute();
  }
}
