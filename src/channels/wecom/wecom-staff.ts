// A WeCom staff member (成员, by userid) is a robot account of kind 'wecom': the "follow user" of the
// customers who added them. Created on first sight.
import { newId } from '../../platform/ids.js';
import type { Db } from '../../platform/store/database.js';
import type { WecomConnection } from './wecom-connection.js';
import '../channel-tables.js';
import './wecom-tables.js';

export async function ensureStaffAccount(
  db: Db,
  conn: WecomConnection,
  userid: string,
  now: Date,
): Promise<string> {
  const found = await db
    .selectFrom('wecom_staff')
    .select('account_id')
    .where('connection_id', '=', conn.id)
    .where('userid', '=', userid)
    .executeTakeFirst();
  if (found) return found.account_id;
  const id = newId('acc', now);
  await db
    .insertInto('channel_accounts')
    .values({
      id,
      workspace_id: conn.workspaceId,
      kind: 'wecom',
      name: `WeCom ${userid}`,
      personal: 0,
      settings: JSON.stringify({ connectionId: conn.id, userid }),
      created_at: now.toISOString(),
    })
    .execute();
  const r = await db
    .insertInto('wecom_staff')
    .values({ connection_id: conn.id, userid, account_id: id })
    .onConflict((oc) => oc.columns(['connection_id', 'userid']).doNothing())
    .executeTakeFirst();
  if (Number(r.numInsertedOrUpdatedRows ?? 0) === 1) return id;
  // Another worker added the same member meanwhile: keep theirs.
  await db.deleteFrom('channel_accounts').where('id', '=', id).execute();
  return ensureStaffAccount(db, conn, userid, now);
}

/** The staff member behind a 'wecom' account. */
export async function staffOf(
  db: Db,
  accountId: string,
): Promise<{ connectionId: string; userid: string } | null> {
  const row = await db
    .selectFrom('wecom_staff')
    .select(['connection_id', 'userid'])
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return row ? { connectionId: row.connection_id, userid: row.userid } : null;
}
