// Corp tags (企业客户标签) kept in step with Guimi tags through wecom_tags. Pull (a change_external_tag
// callback, `guimi channels sync`): the corp's list is read; a mapped tag WeCom renamed is renamed in
// Guimi, a new corp tag is matched by name to a Guimi tag (made if missing), and mappings of corp tags
// WeCom deleted go (the Guimi tag stays, unlinked). What is pulled is not pushed back (record-tag-changes:
// `fromWecom`; push-corp-tags skips what WeCom already has). Push (`channels sync` only): Guimi tags WeCom
// lacks are recorded for the push job and pushed now (add_corp_tag in the group "Guimi").
import { ensureTags } from '../../audience/tags/ensure-tags.js';
import { updateTag } from '../../audience/tags/update-tag.js';
import { corpTagName, corpTags, type CorpTag } from './push-corp-tags.js';
import { pushWecomTagChanges } from './push-tag-changes.js';
import { fromWecom } from './record-tag-changes.js';
import type { WecomConnection, WecomEnv } from './wecom-connection.js';
import '../../audience/audience-tables.js';

export async function syncWecomTags(
  env: WecomEnv,
  conn: WecomConnection,
  opts: { push?: boolean } = {},
): Promise<{ pulled: number; pushed: number }> {
  const corp = await corpTags(env, conn);
  await renameFromWecom(env, conn, corp);
  const { db } = env.store;
  const now = env.clock.now();
  await db.transaction().execute(async (t) => {
    const trx = fromWecom(t);
    const ids = await ensureTags(
      trx,
      conn.workspaceId,
      corp.map((c) => c.name),
      now,
    );
    // The corp's list is the truth for what exists in WeCom: mappings of tags it no longer has go.
    await trx.deleteFrom('wecom_tags').where('connection_id', '=', conn.id).execute();
    if (corp.length > 0)
      await trx
        .insertInto('wecom_tags')
        .values(
          corp.map((c) => ({
            connection_id: conn.id,
            wecom_tag_id: c.id,
            wecom_group_id: c.groupId,
            tag_id: ids.get(c.name.trim())!,
          })),
        )
        .onConflict((oc) => oc.columns(['connection_id', 'wecom_tag_id']).doNothing())
        .execute();
  });
  if (!opts.push) return { pulled: corp.length, pushed: 0 };
  const unmapped = await db
    .selectFrom('tags')
    .select('id')
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
  if (unmapped.length > 0) {
    const at = now.toISOString();
    await db
      .insertInto('wecom_tag_changes')
      .values(
        unmapped.map((t) => ({
          connection_id: conn.id,
          op: 'create',
          tag_id: t.id,
          state: 'pending',
          attempts: 0,
          due_at: at,
          created_at: at,
        })),
      )
      .execute();
  }
  await pushWecomTagChanges(env, { connectionId: conn.id });
  return { pulled: corp.length, pushed: unmapped.length };
}

/** Mapped tags WeCom renamed: the Guimi tag follows (unless another Guimi tag has the new name). */
async function renameFromWecom(env: WecomEnv, conn: WecomConnection, corp: CorpTag[]): Promise<void> {
  const { db } = env.store;
  const mapped = await db
    .selectFrom('wecom_tags as w')
    .innerJoin('tags as t', 't.id', 'w.tag_id')
    .select(['w.wecom_tag_id', 't.id', 't.name'])
    .where('w.connection_id', '=', conn.id)
    .execute();
  const names = new Set(
    (await db.selectFrom('tags').select('name').where('workspace_id', '=', conn.workspaceId).execute()).map(
      (t) => t.name,
    ),
  );
  for (const m of mapped) {
    const c = corp.find((x) => x.id === m.wecom_tag_id);
    // A Guimi name longer than WeCom allows shows there cut: that is no rename.
    if (!c || c.name === corpTagName(m.name) || names.has(c.name)) continue;
    await updateTag(db, conn.workspaceId, m.id, { name: c.name }, env.clock.now());
    names.add(c.name);
  }
}
