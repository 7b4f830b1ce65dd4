// Corp tags (企业客户标签) kept in step with Guimi tags through wecom_tags: the corp's tags are pulled
// (get_corp_tag_list; a Guimi tag of the same name is used or made), Guimi tags WeCom lacks are pushed
// (add_corp_tag, in the group "Guimi"), renames and deletions follow (edit_corp_tag, del_corp_tag), and a
// contact's tags are marked on each of its follow users (mark_tag).
import { ensureTags } from '../../audience/tags/ensure-tags.js';
import { clientFor, type WecomConnection, type WecomEnv } from './wecom-connection.js';
import '../../audience/audience-tables.js';

interface CorpTagGroup {
  group_id: string;
  group_name: string;
  tag?: { id: string; name: string; deleted?: boolean }[];
}

export const GUIMI_TAG_GROUP = 'Guimi';

export async function syncWecomTags(
  env: WecomEnv,
  conn: WecomConnection,
): Promise<{ pulled: number; pushed: number }> {
  const { db } = env.store;
  const now = env.clock.now();
  const client = clientFor(env, conn);
  const { tag_group: groups = [] } = await client.post<{ tag_group?: CorpTagGroup[] }>(
    '/cgi-bin/externalcontact/get_corp_tag_list',
    {},
  );
  const corp = groups.flatMap((g) =>
    (g.tag ?? []).filter((t) => !t.deleted).map((t) => ({ ...t, groupId: g.group_id })),
  );
  const ids = await ensureTags(
    db,
    conn.workspaceId,
    corp.map((t) => t.name),
    now,
  );
  await db.transaction().execute(async (trx) => {
    // The corp's list is the truth for what exists in WeCom: mappings of tags it no longer has go.
    await trx.deleteFrom('wecom_tags').where('connection_id', '=', conn.id).execute();
    if (corp.length > 0)
      await trx
        .insertInto('wecom_tags')
        .values(
          corp.map((t) => ({
            connection_id: conn.id,
            wecom_tag_id: t.id,
            wecom_group_id: t.groupId,
            tag_id: ids.get(t.name.trim())!,
          })),
        )
        .onConflict((oc) => oc.columns(['connection_id', 'wecom_tag_id']).doNothing())
        .execute();
  });
  const unmapped = await db
    .selectFrom('tags')
    .select(['id', 'name'])
    .where('workspace_id', '=', conn.workspaceId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('wecom_tags')
            .select('tag_id')
            .whereRef('wecom_tags.tag_id', '=', 'tags.id')
            .where('connection_id', '=', conn.id),
        ),
      ),
    )
    .execute();
  for (const t of unmapped) await pushWecomTag(env, conn, t.id, t.name);
  return { pulled: corp.length, pushed: unmapped.length };
}

export async function pushWecomTag(
  env: WecomEnv,
  conn: WecomConnection,
  tagId: string,
  name: string,
): Promise<string> {
  const r = await clientFor(env, conn).post<{ tag_group: CorpTagGroup }>(
    '/cgi-bin/externalcontact/add_corp_tag',
    {
      group_name: GUIMI_TAG_GROUP,
      tag: [{ name: name.slice(0, 30) }],
    },
  );
  const created = r.tag_group.tag?.[0];
  if (!created) throw new Error('add_corp_tag answered without the tag');
  await env.store.db
    .insertInto('wecom_tags')
    .values({
      connection_id: conn.id,
      wecom_tag_id: created.id,
      wecom_group_id: r.tag_group.group_id,
      tag_id: tagId,
    })
    .onConflict((oc) => oc.columns(['connection_id', 'wecom_tag_id']).doNothing())
    .execute();
  return created.id;
}

async function mappedIds(env: WecomEnv, conn: WecomConnection, tagIds: readonly string[]) {
  if (tagIds.length === 0) return [];
  const rows = await env.store.db
    .selectFrom('wecom_tags')
    .select('wecom_tag_id')
    .where('connection_id', '=', conn.id)
    .where('tag_id', 'in', [...tagIds])
    .execute();
  return rows.map((r) => r.wecom_tag_id);
}

export async function renameWecomTag(
  env: WecomEnv,
  conn: WecomConnection,
  tagId: string,
  name: string,
): Promise<void> {
  for (const id of await mappedIds(env, conn, [tagId]))
    await clientFor(env, conn).post('/cgi-bin/externalcontact/edit_corp_tag', {
      id,
      name: name.slice(0, 30),
    });
}

export async function deleteWecomTag(env: WecomEnv, conn: WecomConnection, tagId: string): Promise<void> {
  const ids = await mappedIds(env, conn, [tagId]);
  if (ids.length === 0) return;
  await clientFor(env, conn).post('/cgi-bin/externalcontact/del_corp_tag', { tag_id: ids });
  await env.store.db
    .deleteFrom('wecom_tags')
    .where('connection_id', '=', conn.id)
    .where('wecom_tag_id', 'in', ids)
    .execute();
}

/** Marks a contact's tag changes in WeCom, on every staff member who has it as a customer. */
export async function markWecomTags(
  env: WecomEnv,
  conn: WecomConnection,
  contactId: number,
  change: { add: readonly string[]; remove: readonly string[] },
): Promise<number> {
  const { db } = env.store;
  const contact = await db
    .selectFrom('contacts')
    .select('wecom_external_userid')
    .where('id', '=', contactId)
    .executeTakeFirst();
  if (!contact?.wecom_external_userid) return 0;
  const add = await mappedIds(env, conn, change.add);
  const remove = await mappedIds(env, conn, change.remove);
  if (add.length + remove.length === 0) return 0;
  const staff = await db
    .selectFrom('channel_contacts as cc')
    .innerJoin('wecom_staff as s', 's.account_id', 'cc.account_id')
    .select('s.userid')
    .where('cc.contact_id', '=', contactId)
    .where('s.connection_id', '=', conn.id)
    .execute();
  for (const s of staff)
    await clientFor(env, conn).post('/cgi-bin/externalcontact/mark_tag', {
      userid: s.userid,
      external_userid: contact.wecom_external_userid,
      ...(add.length ? { add_tag: add } : {}),
      ...(remove.length ? { remove_tag: remove } : {}),
    });
  return staff.length;
}
