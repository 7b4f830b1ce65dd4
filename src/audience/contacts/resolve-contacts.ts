// Turns a caller's list of contacts (external ids, or contact ids) into live contact ids of the
// workspace: a merged contact stands for its survivor, erased and foreign ones are left out.
import type { Db } from '../../platform/store/database.js';

const LOOKUP_CHUNK = 10_000;

/** Live contacts for the external ids; the ids with no live contact go to `unknown`. */
export async function resolveExternalIds(
  db: Db,
  workspaceId: string,
  externalIds: readonly string[],
  unknown: string[],
): Promise<number[]> {
  const wanted = [...new Set(externalIds)];
  const ids = new Set<number>();
  for (let i = 0; i < wanted.length; i += LOOKUP_CHUNK) {
    const chunk = wanted.slice(i, i + LOOKUP_CHUNK);
    const rows = await db
      .selectFrom('contacts')
      .select(['id', 'external_id', 'merged_into'])
      .where('workspace_id', '=', workspaceId)
      .where('erased_at', 'is', null)
      .where('external_id', 'in', chunk)
      .execute();
    const found = new Set<string>();
    for (const r of rows) {
      found.add(r.external_id);
      ids.add(Number(r.merged_into ?? r.id));
    }
    for (const id of chunk) if (!found.has(id)) unknown.push(id);
  }
  return [...ids];
}

/** Live contacts for the contact ids; the ids with no live contact of the workspace go to `unknown`. */
export async function resolveContactIds(
  db: Db,
  workspaceId: string,
  contactIds: readonly number[],
  unknown: string[],
): Promise<number[]> {
  const wanted = [...new Set(contactIds)];
  const ids = new Set<number>();
  for (let i = 0; i < wanted.length; i += LOOKUP_CHUNK) {
    const chunk = wanted.slice(i, i + LOOKUP_CHUNK);
    const rows = await db
      .selectFrom('contacts')
      .select(['id', 'merged_into'])
      .where('workspace_id', '=', workspaceId)
      .where('erased_at', 'is', null)
      .where('id', 'in', chunk)
      .execute();
    const found = new Set(rows.map((r) => Number(r.id)));
    for (const r of rows) ids.add(Number(r.merged_into ?? r.id));
    for (const id of chunk) if (!found.has(id)) unknown.push(String(id));
  }
  return [...ids];
}
