// Turns a caller's list of contacts (external ids, or contact ids) into live contact ids of the
// workspace: a merged contact stands for its survivor, erased and foreign ones are left out.
import { sql } from 'kysely';
import type { Db } from '../../platform/store/database.js';
import { dialectOf } from '../../platform/store/dialect-of.js';
import { parseIdList } from '../../platform/store/id-list.js';
import { pgTextArray } from '../../platform/store/pg-array.js';

const LOOKUP_CHUNK = 10_000;

/** external_id → the live contact holding it now (a merged contact's survivor); erased/unknown are absent. */
export async function survivorsOfExternalIds(
  db: Db,
  workspaceId: string,
  externalIds: readonly string[],
): Promise<Map<string, number>> {
  // The ids travel as one bound value and the answer comes back as two JSON arrays (position in the list,
  // survivor): no per-id query-builder node or row object. Walking the list in its own order (CROSS JOIN)
  // spares SQLite sorting it for IN: 10,000 ids ~16 ms -> ~9 ms.
  const r =
    dialectOf(db) === 'postgres'
      ? await sql<SurvivorLists>`select json_agg(j.ord - 1) as at, json_agg(coalesce(c.merged_into, c.id)) as id
          from unnest(${pgTextArray(externalIds)}::text[]) with ordinality j(value, ord)
          join contacts c on c.workspace_id = ${workspaceId} and c.external_id = j.value
          where c.erased_at is null`.execute(db)
      : await sql<SurvivorLists>`select json_group_array(j.key) as at, json_group_array(coalesce(c.merged_into, c.id)) as id
          from json_each(${JSON.stringify(externalIds)}) j cross join contacts c
            on c.workspace_id = ${workspaceId} and c.external_id = j.value
          where c.erased_at is null`.execute(db);
  const positions = parseIdList(r.rows[0]?.at);
  const survivors = parseIdList(r.rows[0]?.id);
  const map = new Map<string, number>();
  for (let k = 0; k < positions.length; k++) map.set(externalIds[positions[k]!]!, Number(survivors[k]));
  return map;
}

interface SurvivorLists {
  at: unknown;
  id: unknown;
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
