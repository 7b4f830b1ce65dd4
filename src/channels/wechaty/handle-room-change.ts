// Room joins and leaves: members kept in channel_group_members, `join_group` / `leave_group` events.
import type { Contact, Room } from 'wechaty';
import { emitContactEvents } from '../acquisition/emit-contact-events.js';
import { contactOf, groupOf } from './wechaty-identity.js';
import type { RunningBot, WechatyRuntime } from './wechaty-runtime.js';

export async function handleRoomChange(
  runtime: WechatyRuntime,
  running: RunningBot,
  room: Room,
  members: Contact[],
  type: 'join_group' | 'leave_group',
): Promise<void> {
  const { store, clock, logger } = runtime.deps;
  const { db } = store;
  const now = clock.now();
  const { robot } = running;
  const groupId = await groupOf(db, robot, { id: room.id, topic: await room.topic() }, now);
  const self = running.bot.isLoggedIn ? running.bot.currentUser.id : null;
  const events = [];
  for (const m of members) {
    if (m.id === self) continue;
    const contactId = await contactOf(db, robot, { id: m.id, name: m.name() }, now, { friend: false });
    if (type === 'join_group')
      await db
        .insertInto('channel_group_members')
        .values({ group_id: groupId, contact_id: contactId, joined_at: now.toISOString() })
        .onConflict((oc) => oc.columns(['group_id', 'contact_id']).doNothing())
        .execute();
    else
      await db
        .deleteFrom('channel_group_members')
        .where('group_id', '=', groupId)
        .where('contact_id', '=', contactId)
        .execute();
    events.push({
      id: `wechaty:${robot.accountId}:${type}:${room.id}:${m.id}:${now.getTime()}`,
      contactId,
      type,
      at: now.getTime(),
      accountId: robot.accountId,
      props: { groupId },
    });
  }
  await emitContactEvents(db, logger, robot.workspaceId, events, now);
}
