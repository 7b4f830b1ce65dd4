// The simulator's inbox for the console: messages robots sent and fans' replies (Moments included),
// newest first, by account, contact or group, keyset paged on seq.
import type { Db } from '../../platform/store/database.js';
import '../channel-tables.js';

export interface InboxFilter {
  accountId?: string | undefined;
  contactId?: number | undefined;
  groupId?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

export interface InboxMessage {
  seq: number;
  accountId: string;
  direction: 'in' | 'out';
  kind: string;
  touchId: string | null;
  contactId: number | null;
  groupId: string | null;
  text: string;
  at: string;
}

export async function listSimInbox(
  db: Db,
  workspaceId: string,
  f: InboxFilter,
): Promise<{ items: InboxMessage[]; nextCursor: string | null }> {
  let q = db.selectFrom('sim_messages').selectAll().where('workspace_id', '=', workspaceId);
  if (f.accountId) q = q.where('account_id', '=', f.accountId);
  if (f.contactId !== undefined) q = q.where('contact_id', '=', f.contactId);
  if (f.groupId) q = q.where('group_id', '=', f.groupId);
  const before = f.cursor ? Number(f.cursor) : NaN;
  if (Number.isFinite(before)) q = q.where('seq', '<', before);
  const rows = await q
    .orderBy('seq', 'desc')
    .limit(f.limit + 1)
    .execute();
  const items = rows.slice(0, f.limit).map((r) => ({
    seq: Number(r.seq),
    accountId: r.account_id,
    direction: r.direction as 'in' | 'out',
    kind: r.kind,
    touchId: r.touch_id,
    contactId: r.contact_id === null ? null : Number(r.contact_id),
    groupId: r.group_id,
    text: r.text,
    at: r.at,
  }));
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > f.limit && last ? String(last.seq) : null };
}
