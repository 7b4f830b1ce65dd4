// Reads one customer with all its follow users: externalcontact/get pages its follow_user list with a
// cursor when the customer has many (developer.work.weixin.qq.com/document/path/92114).
import type { WecomClient } from './wecom-client.js';
import type { WecomCustomer } from './upsert-wecom-contact.js';

interface FollowUser {
  userid: string;
  createtime?: number;
  state?: string;
  tags?: { tag_id?: string; type?: number }[];
  tag_id?: string[];
}
export interface ExternalContact {
  external_userid: string;
  name?: string;
  gender?: number;
}

export function toCustomer(ec: ExternalContact, follows: FollowUser[]): WecomCustomer {
  return {
    externalUserid: ec.external_userid,
    name: ec.name ?? null,
    gender: ec.gender ?? 0,
    follow: follows.map((f) => ({
      userid: f.userid,
      createtime: f.createtime ?? 0,
      state: f.state ?? null,
      // get: tags[] with type 1 = corp tag (企业标签); batch/get_by_user: tag_id[] (corp tags only).
      tagIds: f.tag_id ?? (f.tags ?? []).filter((t) => t.type === 1 && t.tag_id).map((t) => t.tag_id!),
    })),
  };
}

export async function fetchWecomCustomer(
  client: WecomClient,
  externalUserid: string,
): Promise<WecomCustomer> {
  let cursor = '';
  let contact: ExternalContact | null = null;
  const follows: FollowUser[] = [];
  do {
    const r = await client.get<{
      external_contact: ExternalContact;
      follow_user?: FollowUser[];
      next_cursor?: string;
    }>('/cgi-bin/externalcontact/get', { external_userid: externalUserid, ...(cursor ? { cursor } : {}) });
    contact ??= r.external_contact;
    follows.push(...(r.follow_user ?? []));
    cursor = r.next_cursor ?? '';
  } while (cursor);
  return toCustomer(contact, follows);
}
