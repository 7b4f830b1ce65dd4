// Friend requests: accepted by the account's rule (always / never / hello text contains a keyword or an
// acquisition code token); the new friend becomes a contact the account reaches, an `add_friend` event,
// and — when the hello names a code — an acquired fan (attribution, greeting, tags, community).
import type { Friendship } from 'wechaty';
import { types } from 'wechaty';
import { tokenIn } from '../acquisition/code-view.js';
import { emitContactEvents } from '../acquisition/emit-contact-events.js';
import { onContactAcquired } from '../acquisition/on-contact-acquired.js';
import { acceptsFriend } from './wechaty-settings.js';
import { contactOf } from './wechaty-identity.js';
import type { RunningBot, WechatyRuntime } from './wechaty-runtime.js';

export async function handleFriendship(
  runtime: WechatyRuntime,
  running: RunningBot,
  f: Friendship,
): Promise<void> {
  const type = f.type();
  if (type !== types.Friendship.Receive && type !== types.Friendship.Confirm) return;
  const hello = type === types.Friendship.Receive ? f.hello() : '';
  const state = tokenIn(hello);
  if (type === types.Friendship.Receive) {
    if (!acceptsFriend(running.settings.friendAccept, hello, state !== null)) return;
    await f.accept();
  }
  const { store, clock, logger } = runtime.deps;
  const now = clock.now();
  const wechat = f.contact();
  const { robot } = running;
  const contactId = await contactOf(store.db, robot, { id: wechat.id, name: wechat.name() }, now, {
    friend: true,
  });
  await emitContactEvents(
    store.db,
    logger,
    robot.workspaceId,
    [
      {
        // One add per (robot, friend): the Confirm that follows our accept is the same happening.
        id: `wechaty:${robot.accountId}:friend:${wechat.id}`,
        contactId,
        type: 'add_friend',
        at: now.getTime(),
        accountId: robot.accountId,
        props: { hello, ...(state ? { state } : {}) },
      },
    ],
    now,
  );
  if (state)
    await onContactAcquired(runtime.deps, {
      workspaceId: robot.workspaceId,
      accountId: robot.accountId,
      contactId,
      state,
      at: now,
    });
}
