// Personal WeChat through a running Wechaty bot (mode 'direct'): 1:1 and room messages, moments through
// the puppet's post API where it has one. Only a bot logged in in THIS process can send; otherwise the
// touch is retried later. `lookup` knows a send only when the puppet returned a message id we recorded.
import type { Message } from 'wechaty';
import type { Channel, LookupResult, OutboundTouch, SendResult } from '../channel.js';
import { registerChannelFactory } from '../registry.js';
import { wechatIdOf } from './wechaty-identity.js';
import { wechatyRuntime, type RunningBot, type WechatyRuntime } from './wechaty-runtime.js';
import './wechaty-tables.js';

const NOT_RUNNING_RETRY_MS = 60_000;
const SUSPECTED_BAN_RETRY_MS = 30 * 60_000;

export class WechatyChannel implements Channel {
  readonly kind = 'wechaty';
  readonly mode = 'direct';

  constructor(private readonly runtime: WechatyRuntime) {}

  async send(touch: OutboundTouch): Promise<SendResult> {
    const running = this.runtime.running(touch.accountId);
    if (
      !running ||
      running.status === 'logged_out' ||
      running.status === 'starting' ||
      running.status === 'scanning'
    )
      return {
        status: 'failed',
        permanent: false,
        error: `Wechaty account ${touch.accountId} is not logged in in this process`,
        retryAfterMs: NOT_RUNNING_RETRY_MS,
      };
    if (running.status === 'banned_suspicion')
      return {
        status: 'failed',
        permanent: false,
        error: 'sends paused: the account may be restricted by WeChat (check it and restart the bot)',
        retryAfterMs: SUSPECTED_BAN_RETRY_MS,
      };
    const text = [
      touch.content.text,
      ...touch.content.attachments.flatMap((a) => (a.url ? [a.url] : [])),
    ].join('\n');
    try {
      const r =
        touch.kind === 'moment' ? await this.post(running, text) : await this.say(running, touch, text);
      if (r.status !== 'failed') this.runtime.noteSend(running, true);
      return r;
    } catch (e) {
      this.runtime.noteSend(running, false);
      return {
        status: 'failed',
        permanent: false,
        error: (e as Error).message,
        retryAfterMs: NOT_RUNNING_RETRY_MS,
      };
    }
  }

  async lookup(touch: OutboundTouch): Promise<LookupResult> {
    const row = await this.runtime.deps.store.db
      .selectFrom('wechaty_sends')
      .select('message_id')
      .where('idempotency_key', '=', touch.idempotencyKey)
      .executeTakeFirst();
    // Without a recorded id we cannot tell whether WeChat got it: never resend blindly.
    return row ? { status: 'sent', channelRef: row.message_id } : { status: 'unknown' };
  }

  private async say(running: RunningBot, touch: OutboundTouch, text: string): Promise<SendResult> {
    const { db } = this.runtime.deps.store;
    const target = await wechatIdOf(db, touch.accountId, touch);
    const what = touch.groupId ? `group ${touch.groupId}` : `contact ${touch.contactId}`;
    if (!target)
      return {
        status: 'failed',
        permanent: true,
        error: `${what} is not reachable from account ${touch.accountId}`,
      };
    const conversation = touch.groupId
      ? await running.bot.Room.find({ id: target })
      : await running.bot.Contact.find({ id: target });
    if (!conversation) return { status: 'failed', permanent: true, error: `${what} is gone from WeChat` };
    const sent = (await conversation.say(text)) as Message | void;
    return this.record(touch, sent ? sent.id : null);
  }

  private async post(running: RunningBot, text: string): Promise<SendResult> {
    const puppet = running.bot.puppet as unknown as { postPublish?: (p: unknown) => Promise<string | void> };
    if (typeof puppet.postPublish !== 'function')
      return { status: 'failed', permanent: true, error: 'moments are unsupported by this puppet' };
    const { types } = await import('wechaty');
    const post = await running.bot.Post.builder().add(text).type(types.Post.Moment).build();
    try {
      const id = await puppet.postPublish(post.payload);
      return { status: 'sent', channelRef: id ? `post:${id}` : 'post' };
    } catch (e) {
      if (/unsupported/i.test((e as Error).message))
        return { status: 'failed', permanent: true, error: 'moments are unsupported by this puppet' };
      throw e;
    }
  }

  private async record(touch: OutboundTouch, messageId: string | null): Promise<SendResult> {
    if (!messageId) return { status: 'sent', channelRef: `wechaty:${touch.touchId}` };
    await this.runtime.deps.store.db
      .insertInto('wechaty_sends')
      .values({
        idempotency_key: touch.idempotencyKey,
        account_id: touch.accountId,
        message_id: messageId,
        at: this.runtime.deps.clock.now().toISOString(),
      })
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .execute();
    return { status: 'sent', channelRef: messageId };
  }
}

registerChannelFactory('wechaty', (deps) => new WechatyChannel(wechatyRuntime(deps)));
