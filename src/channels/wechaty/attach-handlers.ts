// What a running bot hears becomes Guimi events (through the events ingestion use-case): a fan's 1:1 or
// room message → `message` {direction:'in', text}; friend requests and room joins / leaves are handled in
// their own files. The robot's own messages (echoes of our sends) are not events: dispatch reports those.
import type { Message } from 'wechaty';
import { emitContactEvents } from '../acquisition/emit-contact-events.js';
import { handleFriendship } from './handle-friendship.js';
import { handleRoomChange } from './handle-room-change.js';
import { contactOf, groupOf } from './wechaty-identity.js';
import type { RunningBot, WechatyRuntime } from './wechaty-runtime.js';

export function attachHandlers(runtime: WechatyRuntime, running: RunningBot): void {
  const { bot } = running;
  bot.on('message', (msg) => runtime.track(() => handleMessage(runtime, running, msg)));
  bot.on('friendship', (f) => runtime.track(() => handleFriendship(runtime, running, f)));
  bot.on('room-join', (room, invitees) =>
    runtime.track(() => handleRoomChange(runtime, running, room, invitees, 'join_group')),
  );
  bot.on('room-leave', (room, leavers) =>
    runtime.track(() => handleRoomChange(runtime, running, room, leavers, 'leave_group')),
  );
}

async function handleMessage(runtime: WechatyRuntime, running: RunningBot, msg: Message): Promise<void> {
  if (msg.self()) return;
  const talker = msg.talker();
  if (!talker) return;
  const { store, clock, logger } = runtime.deps;
  const now = clock.now();
  const room = msg.room();
  // A 1:1 message comes from a friend; a room message from a member, who may not be one.
  const contactId = await contactOf(store.db, running.robot, { id: talker.id, name: talker.name() }, now, {
    friend: !room,
  });
  const props: Record<string, unknown> = { direction: 'in', text: msg.text(), messageType: msg.type() };
  if (room)
    props.groupId = await groupOf(store.db, running.robot, { id: room.id, topic: await room.topic() }, now);
  await emitContactEvents(
    store.db,
    logger,
    running.robot.workspaceId,
    [
      {
        id: `wechaty:${running.robot.accountId}:msg:${msg.id}`,
        contactId,
        type: 'message',
        at: msg.date().getTime(),
        accountId: running.robot.accountId,
        props,
      },
    ],
    now,
  );
}
