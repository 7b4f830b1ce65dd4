// change_external_contact callbacks → contacts, reach (channel_contacts) and audience events, so flows
// trigger on `add_friend`. A new friend from one of our contact ways is attributed (its KOC, then the
// acquisition hooks) and, when a welcome text applies and WeCom gave a WelcomeCode, a welcome touch is
// planned due now: dispatch lets welcomes pass quiet hours and contact caps (they answer the fan's own
// request, and WeCom does not count them as mass messages) but not account pacing.
import { ingestEvents } from '../../audience/events/ingest-events.js';
import { planTouches } from '../../automation/dispatch/plan-touches.js';
import { attributeFans } from '../../koc/roster/attribute-fans.js';
import { onContactAcquired } from '../acquisition/on-contact-acquired.js';
import { contactWayByState, notifyWecomContactAdded } from './contact-way.js';
import { fetchWecomCustomer } from './fetch-wecom-customer.js';
import { upsertWecomContact } from './upsert-wecom-contact.js';
import { clientFor, type WecomConnection, type WecomEnv } from './wecom-connection.js';
import { ensureStaffAccount } from './wecom-staff.js';

/** WeCom gives 20 seconds to use a WelcomeCode (send_welcome_msg, document/path/92137). */
export const WELCOME_WINDOW_MS = 20_000;

export async function handleContactEvent(
  env: WecomEnv,
  conn: WecomConnection,
  inboxId: string,
  e: Record<string, string>,
  receivedAt: Date,
): Promise<void> {
  const { db } = env.store;
  const now = env.clock.now();
  const userid = e.UserID ?? '';
  const externalUserid = e.ExternalUserID ?? '';
  if (!userid || !externalUserid) return;
  const at = Number(e.CreateTime ?? 0) * 1000 || receivedAt.getTime();
  const change = e.ChangeType;
  if (
    change === 'add_external_contact' ||
    change === 'add_half_external_contact' ||
    change === 'edit_external_contact'
  ) {
    const customer = await fetchWecomCustomer(clientFor(env, conn), externalUserid);
    const { contactId, created, accounts } = await upsertWecomContact(db, conn, customer, now);
    if (change === 'edit_external_contact') return;
    const accountId = accounts.get(userid) ?? (await ensureStaffAccount(db, conn, userid, now));
    const state = e.State || null;
    const way = state ? await contactWayByState(db, conn.id, state) : null;
    // The acquisition module's attribution (code → KOC, scene tags, community); our own contact way
    // meta covers codes it does not know.
    const acquired = state
      ? await onContactAcquired(env, {
          workspaceId: conn.workspaceId,
          accountId,
          contactId,
          state,
          at: receivedAt,
        })
      : null;
    if (!acquired && way?.meta.kocId)
      await attributeFans(db, conn.workspaceId, way.meta.kocId, [contactId], now);
    await notifyWecomContactAdded(db, {
      workspaceId: conn.workspaceId,
      contactId,
      accountId,
      userid,
      state,
      contactWay: way ? { configId: way.configId, meta: way.meta } : null,
      created,
      now,
    });
    const welcome = way?.welcomeText ?? conn.settings.welcomeText;
    if (e.WelcomeCode && welcome) {
      const key = `wecom-welcome:${inboxId}`;
      await db
        .insertInto('wecom_welcome_codes')
        .values({
          touch_key: key,
          connection_id: conn.id,
          welcome_code: e.WelcomeCode,
          expires_at: new Date(receivedAt.getTime() + WELCOME_WINDOW_MS).toISOString(),
        })
        .onConflict((oc) => oc.column('touch_key').doNothing())
        .execute();
      await planTouches(
        db,
        [
          {
            workspaceId: conn.workspaceId,
            idempotencyKey: key,
            flowId: null,
            flowRunId: null,
            stepId: null,
            kind: 'welcome',
            accountId,
            contactId,
            groupId: null,
            scriptId: null,
            content: { text: welcome, attachments: [] },
            promotion: false,
            marketing: false,
            dueAt: now,
          },
        ],
        now,
      );
    }
    const props = {
      accountId,
      userid,
      ...(state ? { state } : {}),
      ...(change === 'add_half_external_contact' ? { half: true } : {}),
    };
    await emit(env, conn, contactId, `wecom:${inboxId}`, 'add_friend', at, accountId, props);
    return;
  }
  if (change === 'del_external_contact' || change === 'del_follow_user') {
    const contact = await db
      .selectFrom('contacts')
      .select('id')
      .where('workspace_id', '=', conn.workspaceId)
      .where('wecom_external_userid', '=', externalUserid)
      .executeTakeFirst();
    if (!contact) return;
    const accountId = await ensureStaffAccount(db, conn, userid, now);
    await db
      .deleteFrom('channel_contacts')
      .where('account_id', '=', accountId)
      .where('contact_id', '=', contact.id)
      .execute();
    // del_external_contact: the staff member removed the customer; del_follow_user: the customer removed them.
    const by = change === 'del_external_contact' ? 'staff' : 'customer';
    await emit(env, conn, Number(contact.id), `wecom:${inboxId}`, 'remove_friend', at, accountId, {
      accountId,
      userid,
      by,
    });
  }
}

async function emit(
  env: WecomEnv,
  conn: WecomConnection,
  contactId: number,
  eventId: string,
  type: string,
  at: number,
  accountId: string,
  props: Record<string, unknown>,
): Promise<void> {
  const row = await env.store.db
    .selectFrom('contacts')
    .select('external_id')
    .where('id', '=', contactId)
    .executeTakeFirstOrThrow();
  await ingestEvents(
    env.store.db,
    conn.workspaceId,
    [
      {
        line: 1,
        row: {
          id: eventId,
          contactExternalId: row.external_id,
          type,
          at,
          props,
          source: { kind: 'channel', id: accountId },
        },
      },
    ],
    env.clock.now(),
    { onListenerError: (err) => env.logger.error({ err }, 'an events listener failed on a WeCom event') },
  );
}
