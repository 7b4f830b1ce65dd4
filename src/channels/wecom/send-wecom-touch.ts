// One touch to WeCom. A wecom_sends row is written BEFORE the call and completed after it, so a send is
// never made twice: a row still 'calling' means a previous attempt's fate is unknown (the dispatcher
// marks the touch unknown and reconciles it), an 'accepted' row answers with its WeCom handle.
//   direct  → add_msg_template (chat_type single): staff confirm it → awaiting_confirmation (msgid)
//   group   → add_msg_template (chat_type group, the group owner sends) → awaiting_confirmation (msgid)
//   moment  → add_moment_task (staff publish it) → awaiting_confirmation (jobid)
//   welcome → send_welcome_msg with the add_external_contact WelcomeCode, within its 20 s → sent
import type { OutboundTouch, RenderedContent, SendResult } from '../channel.js';
import { massLimitReached } from './mass-limits.js';
import { WecomApiError, WecomUnknownOutcome } from './wecom-client.js';
import { clientFor, type WecomConnection, type WecomEnv } from './wecom-connection.js';

interface Target {
  kind: 'mass' | 'group' | 'moment' | 'welcome';
  target: string;
  sender: string;
  path: string;
  body: Record<string, unknown>;
}

const permanent = (error: string): SendResult => ({ status: 'failed', permanent: true, error });

export function wecomContent(c: RenderedContent) {
  const links = c.attachments.filter((a) => a.url).slice(0, 9);
  return {
    text: { content: c.text },
    ...(links.length
      ? {
          attachments: links.map((a) => ({
            msgtype: 'link',
            link: { title: a.title ?? a.url!, url: a.url! },
          })),
        }
      : {}),
  };
}

async function targetOf(
  env: WecomEnv,
  conn: WecomConnection,
  userid: string,
  t: OutboundTouch,
): Promise<Target | string> {
  const { db } = env.store;
  const content = wecomContent(t.content);
  if (t.kind === 'moment')
    return {
      kind: 'moment',
      target: userid,
      sender: userid,
      path: '/cgi-bin/externalcontact/add_moment_task',
      body: { text: content.text, visible_range: { sender_list: { user_list: [userid] } } },
    };
  if (t.kind === 'group' || t.groupId) {
    const g = await db
      .selectFrom('wecom_groups')
      .selectAll()
      .where('group_id', '=', t.groupId ?? '')
      .executeTakeFirst();
    if (!g || g.dismissed_at) return `group ${t.groupId} is not a live WeCom customer group`;
    return {
      kind: 'group',
      target: g.chat_id,
      sender: g.owner_userid,
      path: '/cgi-bin/externalcontact/add_msg_template',
      body: { chat_type: 'group', sender: g.owner_userid, chat_id_list: [g.chat_id], ...content },
    };
  }
  const c = await db
    .selectFrom('contacts')
    .select('wecom_external_userid')
    .where('id', '=', t.contactId ?? -1)
    .executeTakeFirst();
  if (!c?.wecom_external_userid) return `contact ${t.contactId} has no WeCom external_userid`;
  if (t.kind === 'welcome') {
    const w = await db
      .selectFrom('wecom_welcome_codes')
      .selectAll()
      .where('touch_key', '=', t.idempotencyKey)
      .executeTakeFirst();
    if (!w) return 'no WelcomeCode for this welcome (welcomes are sent only from add_external_contact)';
    if (Date.parse(w.expires_at) < env.clock.now().getTime())
      return 'the 20-second WelcomeCode window has passed';
    return {
      kind: 'welcome',
      target: c.wecom_external_userid,
      sender: userid,
      path: '/cgi-bin/externalcontact/send_welcome_msg',
      body: { welcome_code: w.welcome_code, ...content },
    };
  }
  return {
    kind: 'mass',
    target: c.wecom_external_userid,
    sender: userid,
    path: '/cgi-bin/externalcontact/add_msg_template',
    body: {
      chat_type: 'single',
      external_userid: [c.wecom_external_userid],
      sender: userid,
      allow_select: false,
      ...content,
    },
  };
}

export async function sendWecomTouch(
  env: WecomEnv,
  conn: WecomConnection,
  userid: string,
  timezone: string,
  t: OutboundTouch,
): Promise<SendResult> {
  const { db } = env.store;
  const prior = await db
    .selectFrom('wecom_sends')
    .selectAll()
    .where('idempotency_key', '=', t.idempotencyKey)
    .executeTakeFirst();
  if (prior?.state === 'calling')
    throw new WecomUnknownOutcome('send', 'an earlier attempt has no answer yet');
  if (prior?.state === 'accepted')
    return prior.kind === 'welcome'
      ? { status: 'sent', channelRef: `welcome:${t.touchId}` }
      : { status: 'awaiting_confirmation', channelRef: prior.handle ?? '' };
  const target = await targetOf(env, conn, userid, t);
  if (typeof target === 'string') return permanent(target);
  const now = env.clock.now();
  if (target.kind === 'mass' || target.kind === 'group') {
    const limit = await massLimitReached(db, conn.id, target.target, conn.settings.massRule, now, timezone);
    if (limit)
      return {
        status: 'failed',
        permanent: false,
        error: limit.reason,
        retryAfterMs: limit.until.getTime() - now.getTime(),
      };
  }
  const row = {
    connection_id: conn.id,
    kind: target.kind,
    target: target.target,
    sender: target.sender,
    handle: null,
    state: 'calling',
    reminded_at: null,
    created_at: now.toISOString(),
  };
  if (prior)
    await db.updateTable('wecom_sends').set(row).where('idempotency_key', '=', t.idempotencyKey).execute();
  else
    await db
      .insertInto('wecom_sends')
      .values({ idempotency_key: t.idempotencyKey, ...row })
      .execute();
  const settle = (state: string, handle: string | null = null) =>
    db
      .updateTable('wecom_sends')
      .set({ state, handle })
      .where('idempotency_key', '=', t.idempotencyKey)
      .execute();
  let r: { msgid?: string; jobid?: string; fail_list?: string[] };
  try {
    r = await clientFor(env, conn).post(target.path, target.body, { write: true });
  } catch (e) {
    if (e instanceof WecomUnknownOutcome) throw e; // the row stays 'calling': reconciliation decides
    await settle('rejected');
    if (e instanceof WecomApiError)
      return {
        status: 'failed',
        permanent: e.errcode !== 45009,
        error: e.message,
        ...(e.errcode === 45009 ? { retryAfterMs: 60_000 } : {}),
      };
    return { status: 'failed', permanent: false, error: e instanceof Error ? e.message : String(e) };
  }
  if (r.fail_list?.includes(target.target)) {
    await settle('rejected');
    return permanent(`WeCom refused ${target.target}: not a customer of ${target.sender}`);
  }
  if (target.kind === 'welcome') {
    await settle('accepted');
    return { status: 'sent', channelRef: `welcome:${t.touchId}` };
  }
  const handle = target.kind === 'moment' ? `job:${r.jobid ?? ''}` : (r.msgid ?? '');
  await settle('accepted', handle);
  return { status: 'awaiting_confirmation', channelRef: handle };
}
