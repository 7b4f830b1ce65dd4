// Pushes tags created, renamed and deleted in Guimi to the corp's tags. WeCom's list is read first and
// each change is only made if WeCom still lacks it: a tag of the same name is adopted instead of added
// (a crash or a lost answer after add_corp_tag left it there — so a retry never doubles it), a rename
// WeCom already has (it came from WeCom) is not sent back, a tag WeCom no longer has is not deleted.
import type { TagChangeRow } from './wecom-tables.js';
import { clientFor, type WecomConnection, type WecomEnv } from './wecom-connection.js';
import '../../audience/audience-tables.js';

interface CorpTagGroup {
  group_id: string;
  group_name: string;
  tag?: { id: string; name: string; deleted?: boolean }[];
}

export interface CorpTag {
  id: string;
  name: string;
  groupId: string;
}

/** The group Guimi's own tags are created in. */
export const GUIMI_TAG_GROUP = 'Guimi';
/** WeCom's limit on a corp tag's name. */
export const CORP_TAG_NAME_MAX = 30;
// Tags per add_corp_tag / del_corp_tag call.
const BATCH = 100;

export const corpTagName = (name: string) => name.trim().slice(0, CORP_TAG_NAME_MAX);

export async function corpTags(env: WecomEnv, conn: WecomConnection): Promise<CorpTag[]> {
  const { tag_group: groups = [] } = await clientFor(env, conn).post<{ tag_group?: CorpTagGroup[] }>(
    '/cgi-bin/externalcontact/get_corp_tag_list',
    {},
  );
  return groups.flatMap((g) =>
    (g.tag ?? []).filter((t) => !t.deleted).map((t) => ({ id: t.id, name: t.name, groupId: g.group_id })),
  );
}

async function mapTag(env: WecomEnv, conn: WecomConnection, tagId: string, corp: CorpTag): Promise<void> {
  await env.store.db
    .insertInto('wecom_tags')
    .values({
      connection_id: conn.id,
      wecom_tag_id: corp.id,
      wecom_group_id: corp.groupId,
      tag_id: tagId,
    })
    .onConflict((oc) => oc.columns(['connection_id', 'wecom_tag_id']).doNothing())
    .execute();
}

/** Applies the create / rename / delete changes of one connection; throws if WeCom refuses. */
export async function pushCorpTags(
  env: WecomEnv,
  conn: WecomConnection,
  changes: readonly TagChangeRow[],
): Promise<void> {
  if (changes.length === 0) return;
  const { db } = env.store;
  const client = clientFor(env, conn);
  const corp = await corpTags(env, conn);
  const corpById = new Map(corp.map((t) => [t.id, t]));

  const doomed = new Set(
    changes
      .filter((c) => c.op === 'delete')
      .flatMap((c) => JSON.parse(c.wecom_tag_ids ?? '[]') as string[])
      .filter((id) => corpById.has(id)),
  );
  const ids = [...doomed];
  for (let i = 0; i < ids.length; i += BATCH)
    await client.post('/cgi-bin/externalcontact/del_corp_tag', { tag_id: ids.slice(i, i + BATCH) });

  const tagIds = [...new Set(changes.filter((c) => c.op !== 'delete').map((c) => c.tag_id))];
  if (tagIds.length === 0) return;
  const tags = await db.selectFrom('tags').select(['id', 'name']).where('id', 'in', tagIds).execute();
  const mappings = await db
    .selectFrom('wecom_tags')
    .select(['tag_id', 'wecom_tag_id'])
    .where('connection_id', '=', conn.id)
    .where('tag_id', 'in', tagIds)
    .execute();
  const toAdd = new Map<string, string[]>(); // corp name → Guimi tag ids
  for (const tag of tags) {
    const name = corpTagName(tag.name);
    const mapped = mappings
      .filter((m) => m.tag_id === tag.id && corpById.has(m.wecom_tag_id))
      .map((m) => corpById.get(m.wecom_tag_id)!);
    if (mapped.length > 0) {
      for (const t of mapped.filter((t) => t.name !== name))
        await client.post('/cgi-bin/externalcontact/edit_corp_tag', { id: t.id, name });
      continue;
    }
    const same = corp.find((t) => t.name === name && !doomed.has(t.id));
    if (same) await mapTag(env, conn, tag.id, same);
    else toAdd.set(name, [...(toAdd.get(name) ?? []), tag.id]);
  }
  const names = [...toAdd.keys()];
  for (let i = 0; i < names.length; i += BATCH) {
    // A write: on a timeout or 5xx it may have landed, so it is not retried blindly (WecomUnknownOutcome);
    // the next attempt reads the list again and adopts what did land.
    const r = await client.post<{ tag_group: CorpTagGroup }>(
      '/cgi-bin/externalcontact/add_corp_tag',
      { group_name: GUIMI_TAG_GROUP, tag: names.slice(i, i + BATCH).map((name) => ({ name })) },
      { write: true },
    );
    for (const t of r.tag_group.tag ?? [])
      for (const tagId of toAdd.get(t.name) ?? [])
        await mapTag(env, conn, tagId, { id: t.id, name: t.name, groupId: r.tag_group.group_id });
  }
}
