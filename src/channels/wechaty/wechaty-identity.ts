// Keeps Guimi in step with what a Wechaty robot sees: a WeChat contact is a Guimi contact (external id
// `wechaty:<id>`, created through the audience use-case) that the account reaches; a room is a channel
// group of the account. Ids are the puppet's: stable on puppet-service (wxid), per session on wechat4u.
import { newId } from '../../platform/ids.js';
import type { Db } from '../../platform/store/database.js';
import { addChannelContact, ensureFan } from '../acquisition/ensure-fan.js';
import './wechaty-tables.js';

export interface Robot {
  accountId: string;
  workspaceId: string;
}

export async function contactOf(
  db: Db,
  robot: Robot,
  wechat: { id: string; name: string },
  now: Date,
  opts: { friend: boolean },
): Promise<number> {
  const mapped = await db
    .selectFrom('wechaty_contacts')
    .select('contact_id')
    .where('account_id', '=', robot.accountId)
    .where('wechaty_id', '=', wechat.id)
    .executeTakeFirst();
  let contactId = mapped ? Number(mapped.contact_id) : null;
  if (contactId === null) {
    contactId = (
      await ensureFan(
        db,
        robot.workspaceId,
        { externalId: `wechaty:${wechat.id}`, name: wechat.name, source: 'wechaty' },
        now,
      )
    ).contactId;
    await db
      .insertInto('wechaty_contacts')
      .values({ account_id: robot.accountId, wechaty_id: wechat.id, contact_id: contactId })
      .onConflict((oc) => oc.columns(['account_id', 'wechaty_id']).doNothing())
      .execute();
  }
  if (opts.friend) await addChannelContact(db, robot.workspaceId, robot.accountId, contactId, now);
  return contactId;
}

export async function groupOf(
  db: Db,
  robot: Robot,
  room: { id: string; topic: string },
  now: Date,
): Promise<string> {
  const mapped = await db
    .selectFrom('wechaty_rooms')
    .select('group_id')
    .where('account_id', '=', robot.accountId)
    .where('room_id', '=', room.id)
    .executeTakeFirst();
  if (mapped) return mapped.group_id;
  const id = newId('grp', now);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('channel_groups')
      .values({
        id,
        workspace_id: robot.workspaceId,
        account_id: robot.accountId,
        name: room.topic || room.id,
        created_at: now.toISOString(),
      })
      .execute();
    await trx
      .insertInto('wechaty_rooms')
      .values({ account_id: robot.accountId, room_id: room.id, group_id: id })
      .execute();
  });
  return id;
}

/** The WeChat id the robot knows a contact / group by (null: never seen by this robot). */
export async function wechatIdOf(
  db: Db,
  accountId: string,
  target: { contactId: number | null; groupId: string | null },
): Promise<string | null> {
  if (target.groupId) {
    const r = await db
      .selectFrom('wechaty_rooms')
      .select('room_id')
      .where('account_id', '=', accountId)
      .where('group_id', '=', target.groupId)
      .executeTakeFirst();
    return r?.room_id ?? null;
  }
  if (target.contactId === null) return null;
  const r = await db
    .selectFrom('wechaty_contacts')
    .select('wechaty_id')
    .where('account_id', '=', accountId)
    .where('contact_id', '=', target.contactId)
    .executeTakeFirst();
  return r?.wechaty_id ?? null;
}
