// Customer groups (客户群): groupchat/list (cursor paging) and groupchat/get → channel_groups on the
// owner's staff account, and their external members → channel_group_members. Returns who joined and
// left since the last sync, so callbacks can emit join_group / leave_group events.
import { newId } from '../../platform/ids.js';
import { clientFor, type WecomConnection, type WecomEnv } from './wecom-connection.js';
import { upsertWecomContact } from './upsert-wecom-contact.js';
import { ensureStaffAccount } from './wecom-staff.js';
import '../channel-tables.js';

interface GroupChat {
  chat_id: string;
  name?: string;
  owner: string;
  member_list?: { userid: string; type: number; join_time?: number; name?: string }[];
}

export interface GroupDiff {
  groupId: string;
  joined: number[];
  left: number[];
}

export async function syncWecomGroup(
  env: WecomEnv,
  conn: WecomConnection,
  chatId: string,
): Promise<GroupDiff> {
  const { db } = env.store;
  const now = env.clock.now();
  const { group_chat: g } = await clientFor(env, conn).post<{ group_chat: GroupChat }>(
    '/cgi-bin/externalcontact/groupchat/get',
    {
      chat_id: chatId,
      need_name: 1,
    },
  );
  const accountId = await ensureStaffAccount(db, conn, g.owner, now);
  let mapped = await db
    .selectFrom('wecom_groups')
    .select('group_id')
    .where('connection_id', '=', conn.id)
    .where('chat_id', '=', chatId)
    .executeTakeFirst();
  const name = (g.name || '客户群').slice(0, 200);
  if (!mapped) {
    const groupId = newId('grp', now);
    await db
      .insertInto('channel_groups')
      .values({
        id: groupId,
        workspace_id: conn.workspaceId,
        account_id: accountId,
        name,
        created_at: now.toISOString(),
      })
      .execute();
    await db
      .insertInto('wecom_groups')
      .values({
        group_id: groupId,
        connection_id: conn.id,
        chat_id: chatId,
        owner_userid: g.owner,
        dismissed_at: null,
      })
      .execute();
    mapped = { group_id: groupId };
  } else {
    await db
      .updateTable('channel_groups')
      .set({ name, account_id: accountId })
      .where('id', '=', mapped.group_id)
      .execute();
    await db
      .updateTable('wecom_groups')
      .set({ owner_userid: g.owner })
      .where('group_id', '=', mapped.group_id)
      .execute();
  }
  const groupId = mapped.group_id;
  // type 2 = external member (客户); staff members (type 1) are the accounts, not the audience.
  const members = new Map<number, number>();
  for (const m of (g.member_list ?? []).filter((x) => x.type === 2)) {
    const { contactId } = await upsertWecomContact(
      db,
      conn,
      { externalUserid: m.userid, name: m.name ?? null, gender: 0, follow: [] },
      now,
    );
    members.set(contactId, m.join_time ?? 0);
  }
  const before = new Set(
    (
      await db
        .selectFrom('channel_group_members')
        .select('contact_id')
        .where('group_id', '=', groupId)
        .execute()
    ).map((r) => Number(r.contact_id)),
  );
  const joined = [...members.keys()].filter((id) => !before.has(id));
  const left = [...before].filter((id) => !members.has(id));
  if (joined.length > 0)
    await db
      .insertInto('channel_group_members')
      .values(
        joined.map((contact_id) => ({
          group_id: groupId,
          contact_id,
          joined_at: new Date((members.get(contact_id) || now.getTime() / 1000) * 1000).toISOString(),
        })),
      )
      .execute();
  if (left.length > 0)
    await db
      .deleteFrom('channel_group_members')
      .where('group_id', '=', groupId)
      .where('contact_id', 'in', left)
      .execute();
  return { groupId, joined, left };
}

export async function syncWecomGroups(env: WecomEnv, conn: WecomConnection): Promise<{ groups: number }> {
  const client = clientFor(env, conn);
  let cursor = '';
  let groups = 0;
  do {
    const r = await client.post<{ group_chat_list?: { chat_id: string }[]; next_cursor?: string }>(
      '/cgi-bin/externalcontact/groupchat/list',
      {
        status_filter: 0,
        cursor,
        limit: 1000,
      },
    );
    for (const g of r.group_chat_list ?? []) {
      await syncWecomGroup(env, conn, g.chat_id);
      groups++;
    }
    cursor = r.next_cursor ?? '';
  } while (cursor);
  return { groups };
}
