// Pushes one customer's Guimi tag changes to WeCom with mark_tag: the net change per tag (the last one
// recorded wins), one call per staff member who has the customer (WeCom keeps tags per follow user).
// mark_tag is idempotent — adding a tag the customer has or removing one it lacks changes nothing — so a
// retry after a lost answer is safe.
import type { TagChangeRow } from './wecom-tables.js';
import { clientFor, type WecomConnection, type WecomEnv } from './wecom-connection.js';
import '../../audience/audience-tables.js';
import '../channel-tables.js';

export async function pushContactTags(
  env: WecomEnv,
  conn: WecomConnection,
  contactId: number,
  changes: readonly TagChangeRow[],
): Promise<void> {
  const { db } = env.store;
  const contact = await db
    .selectFrom('contacts')
    .select('wecom_external_userid')
    .where('id', '=', contactId)
    .executeTakeFirst();
  if (!contact?.wecom_external_userid) return;
  const last = new Map<string, string>();
  for (const c of [...changes].sort((a, b) => Number(a.seq) - Number(b.seq)))
    last.set(c.tag_id, c.action ?? 'add');
  const mapped = await db
    .selectFrom('wecom_tags')
    .select(['tag_id', 'wecom_tag_id'])
    .where('connection_id', '=', conn.id)
    .where('tag_id', 'in', [...last.keys()])
    .execute();
  const add = mapped.filter((m) => last.get(m.tag_id) === 'add').map((m) => m.wecom_tag_id);
  const remove = mapped.filter((m) => last.get(m.tag_id) === 'remove').map((m) => m.wecom_tag_id);
  if (add.length + remove.length === 0) return;
  const staff = await db
    .selectFrom('channel_contacts as cc')
    .innerJoin('wecom_staff as s', 's.account_id', 'cc.account_id')
    .select('s.userid')
    .where('cc.contact_id', '=', contactId)
    .where('s.connection_id', '=', conn.id)
    .orderBy('s.userid')
    .execute();
  for (const s of staff)
    await clientFor(env, conn).post('/cgi-bin/externalcontact/mark_tag', {
      userid: s.userid,
      external_userid: contact.wecom_external_userid,
      ...(add.length ? { add_tag: add } : {}),
      ...(remove.length ? { remove_tag: remove } : {}),
    });
}
