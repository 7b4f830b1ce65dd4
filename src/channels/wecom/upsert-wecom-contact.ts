// One WeCom customer (外部联系人) into Guimi: the contact is found by its external_userid (or created
// through the audience use-cases), its name and gender kept in step, each follow user becomes a staff
// account that reaches it (channel_contacts), and its corp tags become Guimi tags through the mapping
// (written as from WeCom: not pushed back).
import { createContact } from '../../audience/contacts/create-contact.js';
import { updateContact } from '../../audience/contacts/update-contact.js';
import { addContactTags } from '../../audience/tags/write-contact-tags.js';
import type { Db } from '../../platform/store/database.js';
import { fromWecom } from './record-tag-changes.js';
import type { WecomConnection } from './wecom-connection.js';
import { ensureStaffAccount } from './wecom-staff.js';
import '../../audience/audience-tables.js';

export interface WecomCustomer {
  externalUserid: string;
  name: string | null;
  /** WeCom: 0 unknown, 1 male, 2 female. */
  gender: number;
  follow: { userid: string; createtime: number; tagIds: string[]; state: string | null }[];
}

const SYSTEM = { role: 'owner' as const, kocId: null };
const GENDERS = ['unknown', 'male', 'female'] as const;

export async function upsertWecomContact(
  db: Db,
  conn: WecomConnection,
  c: WecomCustomer,
  now: Date,
): Promise<{ contactId: number; created: boolean; accounts: Map<string, string> }> {
  const ws = conn.workspaceId;
  const gender = GENDERS[c.gender] ?? 'unknown';
  const name = c.name?.trim().slice(0, 100) || null;
  const existing = await db
    .selectFrom('contacts')
    .select(['id', 'name', 'gender', 'merged_into'])
    .where('workspace_id', '=', ws)
    .where((eb) =>
      eb.or([
        eb('wecom_external_userid', '=', c.externalUserid),
        eb('external_id', '=', `wecom:${c.externalUserid}`),
      ]),
    )
    .where('erased_at', 'is', null)
    .orderBy('id')
    .executeTakeFirst();
  let contactId: number;
  let created = false;
  if (!existing) {
    const view = await createContact(
      db,
      ws,
      {
        externalId: `wecom:${c.externalUserid}`,
        name,
        gender,
        wecomExternalUserid: c.externalUserid,
        source: 'wecom',
      },
      { viewer: SYSTEM, now },
    );
    contactId = view.id;
    created = true;
  } else {
    contactId = Number(existing.merged_into ?? existing.id);
    if (existing.merged_into === null && (existing.name !== name || existing.gender !== gender))
      await updateContact(
        db,
        ws,
        contactId,
        { name, gender, wecomExternalUserid: c.externalUserid },
        { viewer: SYSTEM, now },
      );
  }
  const accounts = new Map<string, string>();
  for (const f of c.follow) {
    const accountId = await ensureStaffAccount(db, conn, f.userid, now);
    accounts.set(f.userid, accountId);
    const added = new Date((f.createtime || now.getTime() / 1000) * 1000).toISOString();
    await db
      .insertInto('channel_contacts')
      .values({ account_id: accountId, contact_id: contactId, workspace_id: ws, added_at: added })
      .onConflict((oc) => oc.columns(['account_id', 'contact_id']).doNothing())
      .execute();
  }
  const tagIds = [...new Set(c.follow.flatMap((f) => f.tagIds))];
  if (tagIds.length > 0) {
    const mapped = await db
      .selectFrom('wecom_tags')
      .select('tag_id')
      .where('connection_id', '=', conn.id)
      .where('wecom_tag_id', 'in', tagIds)
      .execute();
    if (mapped.length > 0)
      await db
        .transaction()
        .execute((trx) =>
          addContactTags(
            fromWecom(trx),
            ws,
            [contactId],
            [...new Set(mapped.map((m) => m.tag_id))],
            'wecom',
            now,
          ),
        );
  }
  return { contactId, created, accounts };
}
