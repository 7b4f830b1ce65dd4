// Full customer sync: the staff who may have customers (get_follow_user_list), then their customers in
// bulk (batch/get_by_user, ≤100 userids per call, cursor paging), each upserted into Guimi.
import { toCustomer, type ExternalContact } from './fetch-wecom-customer.js';
import { clientFor, type WecomConnection, type WecomEnv } from './wecom-connection.js';
import { upsertWecomContact, type WecomCustomer } from './upsert-wecom-contact.js';

interface BatchItem {
  external_contact: ExternalContact;
  follow_info: { userid: string; createtime?: number; state?: string; tag_id?: string[] };
}

export async function syncWecomContacts(
  env: WecomEnv,
  conn: WecomConnection,
): Promise<{ staff: number; customers: number; created: number }> {
  const client = clientFor(env, conn);
  const { follow_user: staff = [] } = await client.get<{ follow_user?: string[] }>(
    '/cgi-bin/externalcontact/get_follow_user_list',
  );
  const customers = new Map<string, WecomCustomer>();
  for (let i = 0; i < staff.length; i += 100) {
    let cursor = '';
    do {
      const r = await client.post<{ external_contact_list?: BatchItem[]; next_cursor?: string }>(
        '/cgi-bin/externalcontact/batch/get_by_user',
        { userid_list: staff.slice(i, i + 100), cursor, limit: 100 },
      );
      for (const item of r.external_contact_list ?? []) {
        const one = toCustomer(item.external_contact, [item.follow_info]);
        const known = customers.get(one.externalUserid);
        if (known) known.follow.push(...one.follow);
        else customers.set(one.externalUserid, one);
      }
      cursor = r.next_cursor ?? '';
    } while (cursor);
  }
  let created = 0;
  for (const c of customers.values()) {
    if ((await upsertWecomContact(env.store.db, conn, c, env.clock.now())).created) created++;
  }
  return { staff: staff.length, customers: customers.size, created };
}
