// A workspace's groups of every kind (simulator groups, WeCom customer groups, Wechaty rooms) with their
// robot account and member count, a page at a time (keyset on name, then id), optionally of one account:
// what the console offers when a flow sends to, or is scoped to, a community.
import { decodeCursor, encodeCursor } from '../platform/pagination.js';
import type { Db } from '../platform/store/database.js';
import './channel-tables.js';

export interface ChannelGroupView {
  id: string;
  name: string;
  accountId: string;
  accountName: string;
  /** 'simulator' | 'wechaty' | 'wecom' */
  kind: string;
  members: number;
  createdAt: string;
}

export interface ChannelGroupsPage {
  items: ChannelGroupView[];
  nextCursor: string | null;
}

export async function listChannelGroups(
  db: Db,
  workspaceId: string,
  opts: { account?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<ChannelGroupsPage> {
  let q = db
    .selectFrom('channel_groups as g')
    .innerJoin('channel_accounts as a', 'a.id', 'g.account_id')
    .select((eb) => [
      'g.id',
      'g.name',
      'g.account_id',
      'g.created_at',
      'a.name as account_name',
      'a.kind',
      eb
        .selectFrom('channel_group_members as m')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('m.group_id', '=', 'g.id')
        .as('members'),
    ])
    .where('g.workspace_id', '=', workspaceId);
  if (opts.account) q = q.where('g.account_id', '=', opts.account);
  if (opts.cursor) {
    const [name, id] = decodeCursor(opts.cursor, 2).map(String) as [string, string];
    q = q.where((eb) =>
      eb.or([eb('g.name', '>', name), eb.and([eb('g.name', '=', name), eb('g.id', '>', id)])]),
    );
  }
  const rows = await q
    .orderBy('g.name')
    .orderBy('g.id')
    .limit(opts.limit + 1)
    .execute();
  const page = rows.slice(0, opts.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.id,
      name: r.name,
      accountId: r.account_id,
      accountName: r.account_name,
      kind: r.kind,
      members: Number(r.members ?? 0),
      createdAt: r.created_at,
    })),
    nextCursor: rows.length > opts.limit && last ? encodeCursor([last.name, last.id]) : null,
  };
}
