// change_external_chat callbacks: create/update re-read the group (members joined and left become
// join_group / leave_group events, which flows and the community rules react to); dismiss marks it gone.
import { ingestEvents } from '../../audience/events/ingest-events.js';
import type { WecomConnection, WecomEnv } from './wecom-connection.js';
import { syncWecomGroup } from './sync-wecom-groups.js';

export async function handleChatEvent(
  env: WecomEnv,
  conn: WecomConnection,
  inboxId: string,
  e: Record<string, string>,
): Promise<void> {
  const chatId = e.ChatId;
  if (!chatId) return;
  const { db } = env.store;
  if (e.ChangeType === 'dismiss') {
    const g = await db
      .selectFrom('wecom_groups')
      .select('group_id')
      .where('connection_id', '=', conn.id)
      .where('chat_id', '=', chatId)
      .executeTakeFirst();
    if (!g) return;
    await db
      .updateTable('wecom_groups')
      .set({ dismissed_at: env.clock.now().toISOString() })
      .where('group_id', '=', g.group_id)
      .execute();
    const members = await db
      .selectFrom('channel_group_members')
      .select('contact_id')
      .where('group_id', '=', g.group_id)
      .execute();
    await db.deleteFrom('channel_group_members').where('group_id', '=', g.group_id).execute();
    await emit(
      env,
      conn,
      inboxId,
      g.group_id,
      [],
      members.map((m) => Number(m.contact_id)),
      e,
    );
    return;
  }
  if (e.ChangeType !== 'create' && e.ChangeType !== 'update') return;
  const diff = await syncWecomGroup(env, conn, chatId);
  await emit(env, conn, inboxId, diff.groupId, diff.joined, diff.left, e);
}

async function emit(
  env: WecomEnv,
  conn: WecomConnection,
  inboxId: string,
  groupId: string,
  joined: number[],
  left: number[],
  e: Record<string, string>,
) {
  const ids = [...joined, ...left];
  if (ids.length === 0) return;
  const rows = await env.store.db
    .selectFrom('contacts')
    .select(['id', 'external_id'])
    .where('id', 'in', ids)
    .execute();
  const ext = new Map(rows.map((r) => [Number(r.id), r.external_id]));
  const at = Number(e.CreateTime ?? 0) * 1000 || env.clock.now().getTime();
  const item = (contactId: number, type: string) => ({
    line: 1,
    row: {
      id: `wecom:${inboxId}:${type}:${contactId}`,
      contactExternalId: ext.get(contactId) ?? '',
      type,
      at,
      props: { groupId, ...(e.UpdateDetail ? { detail: e.UpdateDetail } : {}) },
      source: { kind: 'community' as const, id: groupId },
    },
  });
  await ingestEvents(
    env.store.db,
    conn.workspaceId,
    [...joined.map((c) => item(c, 'join_group')), ...left.map((c) => item(c, 'leave_group'))],
    env.clock.now(),
    {
      onListenerError: (err) => env.logger.error({ err }, 'an events listener failed on a WeCom group event'),
    },
  );
}
