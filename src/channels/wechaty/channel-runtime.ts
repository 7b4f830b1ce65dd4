// What channels need running in a process that serves or dispatches (`guimi serve`, `guimi worker`): the
// Wechaty channel adapter registered, keyword auto-replies listening to ingested messages, the WeCom
// callback's new friends handed to the acquisition hook; `stop` undoes it and logs running bots out.
import { onEventsIngested } from '../../audience/events/on-events-ingested.js';
import { onContactAcquired } from '../acquisition/on-contact-acquired.js';
import { replyToMessages } from '../auto-reply/reply-to-messages.js';
import { onWecomContactAdded } from '../wecom/contact-way.js';
import './wechaty-channel.js';
import { wechatyRuntime, type RuntimeDeps } from './wechaty-runtime.js';

export function startChannelRuntime(deps: RuntimeDeps): () => Promise<void> {
  const stopReplies = onEventsIngested(async (events) => {
    await replyToMessages(deps.store.db, events, deps.clock.now());
  });
  const stopAcquired = onWecomContactAdded(async (_db, e) => {
    if (!e.state) return;
    await onContactAcquired(deps, {
      workspaceId: e.workspaceId,
      accountId: e.accountId,
      contactId: e.contactId,
      state: e.state,
      at: e.now,
    });
  });
  return async () => {
    stopReplies();
    stopAcquired();
    await wechatyRuntime(deps).stopAll();
  };
}
