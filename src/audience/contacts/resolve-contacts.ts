// Turns a caller's list of contacts (external ids, or contact ids) into live contact ids of the
// workspace: a merged contact stands for its survivor, erased and foreign ones are left out.
import type { Db } from '../../platform/store/database.js';
import { selectExisting } from '../contact-import/contact-upsert-sql.js';

const LOOKUP_CHUNK = 10_000;

/** external_id → the live contact holding it now (a merged contact's survivor); erased/unknown are absent. */
export async function survivorsOfExternalIds(
  db: Db,
  workspaceId: string,
  externalIds: readonly string[],
): Promise<Map<string, number>> {
  const map = new Map<string, number>();
  // The ids travel as one bound value: no per-id query-builder node, one prepared statement whatever the count.
  for (const r of await selectExisting(db, workspaceId, externalIds)) {
    if (r.erased_at === null) map.set(r.external_id, Number(r.merged_into ?? r.id));
  }
  return map;
}

/** contact id → the live contact holding it now (a merged contact's survivor); erased/foreign are absent. */
export async function survivorsOfContactIds(
  db: Db,
  workspaceId: string,
  contactIds: readonly number[],
): Promise<Map<number, number>> {
  const map = new Map<number, number>();
  for (let i = 0; i < contactIds.length; i += LOOKUP_CHUNK) {
    const rows = await db
      .selectFrom('contacts')
      .select(['id', 'merged_into'])
      .where('workspace_id', '=', workspaceId)
      .where('erased_at', 'is', null)
      .where('id', 'in', contactIds.slice(i, i + LOOKUP_CHUNK))
      .execute();
    for (const r of rows) map.set(Number(r.id), Number(r.merged_into ?? r.id));
  }
  return map;
}

/** Live contacts for the external ids; the ids with no live contact go to `unknown`. */
export async function resolveExternalIds(
  db: Db,
  workspaceId: string,
  externalIds: readonly string[],
  unknown: string[],
): Promise<number[]> {
  const wanted = [...new Set(externalIds)];
  const map = await survivorsOfExternalIds(db, workspaceId, wanted);
  for (const id of wanted) if (!map.has(id)) unknown.push(id);
  return [...new Set(map.values())];
}

/** Live contacts for the contact ids; the ids with no live contact of the workspace go to `unknown`. */
export async function resolveContactIds(
  db: Db,
  workspaceId: string,
  contactIds: readonly number[],
  unknown: string[],
): Promise<number[]> {
  const wanted = [...new Set(contactIds)];
  const map = await survivorsOfContactIds(db, workspaceId, wanted);
  for (const id of wanted) if (!map.has(id)) unknown.push(String(id));
  return [...new Set(map.values())];
}
