// A Wechaty robot account's settings (channel_accounts.settings): which puppet drives it, the puppet's
// token (sealed with the secret box, never returned), and when friend requests are accepted.
import { z } from 'zod';

export const PUPPETS = ['wechaty-puppet-service', 'wechaty-puppet-wechat4u', 'wechaty-puppet-mock'] as const;

export const FriendAccept = z.strictObject({
  /** always / never / keyword: the hello text contains one of `keywords` (or an acquisition code token). */
  mode: z.enum(['always', 'never', 'keyword']).default('keyword'),
  keywords: z.array(z.string().trim().min(1).max(50)).max(50).default([]),
});

export const WechatySettings = z.strictObject({
  puppet: z.enum(PUPPETS),
  /** Sealed puppet token (wechaty-puppet-service). */
  sealedToken: z.string().nullable().default(null),
  friendAccept: FriendAccept.default({ mode: 'keyword', keywords: [] }),
});
export type WechatySettings = z.infer<typeof WechatySettings>;

export function parseWechatySettings(text: string): WechatySettings {
  return WechatySettings.parse(JSON.parse(text));
}

/** Should a friend request with this hello text be accepted? */
export function acceptsFriend(
  rule: WechatySettings['friendAccept'],
  hello: string,
  hasCodeToken: boolean,
): boolean {
  if (rule.mode === 'never') return false;
  if (rule.mode === 'always' || hasCodeToken) return true;
  const text = hello.toLowerCase();
  return rule.keywords.some((k) => text.includes(k.toLowerCase()));
}
