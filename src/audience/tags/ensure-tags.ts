// Finds or creates tags by name in one workspace (imports, bulk tagging and rules name tags by text).
import { newId } from '../../platform/ids.js';
import type { Db } from '../../platform/store/database.js';
import { notifyTagCatalogChanged } from './on-tags-changed.js';
import '../audience-tables.js';

export async function ensureTags(
  db: Db,
  workspaceId: string,
  names: Iterable<string>,
  now: Date,
): Promise<Map<string, string>> {
  // Sorted: concurrent writers creating the same new tags take their locks in one order (no deadlock).
  const wanted = [...new Set([...names].map((n) => n.trim()).filter(Boolean))].sort();
  const ids = new Map<string, string>();
  for (let i = 0; i < wanted.length; i += 500) {
    const chunk = wanted.slice(i, i + 500);
    const found = await db
      .selectFrom('tags')
      .select(['id', 'name'])
      .where('workspace_id', '=', workspaceId)
      .where('name', 'in', chunk)
      .execute();
    for (const t of found) ids.set(t.name, t.id);
    const missing = chunk.filter((n) => !ids.has(n));
    if (missing.length === 0) continue;
    const rows = missing.map((name) => ({
      id: newId('tag', now),
      workspace_id: workspaceId,
      group_id: null,
      name,
      created_at: now.toISOString(),
    }));
    // Another writer may create the same tag concurrently: ignore the conflict, then read back.
    const inserted = await db
      .insertInto('tags')
      .values(rows)
      .onConflict((oc) => oc.columns(['workspace_id', 'name']).doNothing())
      .returning(['id', 'name'])
      .execute();
    await notifyTagCatalogChanged(db, { workspaceId, action: 'created', tags: inserted, now });
    const created = await db
      .selectFrom('tags')
      .select(['id', 'name'])
      .where('workspace_id', '=', workspaceId)
      .where('name', 'in', missing)
      .execute();
    for (const t of created) ids.set(t.name, t.id);
  }
  return ids;
}
