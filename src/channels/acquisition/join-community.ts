// Brings an acquired fan into the code's current community (rotating when full). The simulator lets the
// fan join at once (as a real fan accepting the invitation would) and reports `join_group`; a Wechaty
// robot invites through its running bot (the room-join event then reports the join); WeCom customer
// groups cannot be joined for the fan by API (they join through the group's QR), so nothing happens.
import type { Clock } from '../../platform/clock.js';
import type { Logger } from '../../platform/log.js';
import type { Store } from '../../platform/store/open-store.js';
import { wechatyRuntime } from '../wechaty/wechaty-runtime.js';
import type { AcquisitionCodeTable } from './acquisition-tables.js';
import { currentGroup } from './current-group.js';
import { emitContactEvents } from './emit-contact-events.js';

export type JoinResult = { groupId: string; rotated: boolean; via: 'simulated' | 'invited' | 'not_invited' };

export async function joinCommunity(
  deps: { store: Store; clock: Clock; logger: Logger },
  code: AcquisitionCodeTable,
  contactId: number,
  now: Date,
): Promise<JoinResult> {
  const { db } = deps.store;
  const { groupId, rotated } = await currentGroup(db, code, now);
  const group = await db
    .selectFrom('channel_groups')
    .innerJoin('channel_accounts', 'channel_accounts.id', 'channel_groups.account_id')
    .select(['channel_groups.account_id', 'channel_accounts.kind'])
    .where('channel_groups.id', '=', groupId)
    .executeTakeFirstOrThrow();
  if (group.kind === 'simulator') {
    await db
      .insertInto('channel_group_members')
      .values({ group_id: groupId, contact_id: contactId, joined_at: now.toISOString() })
      .onConflict((oc) => oc.columns(['group_id', 'contact_id']).doNothing())
      .execute();
    await emitContactEvents(
      db,
      deps.logger,
      code.workspace_id,
      [
        {
          id: `acq:${code.id}:${contactId}:join:${groupId}`,
          contactId,
          type: 'join_group',
          at: now.getTime(),
          accountId: group.account_id,
          props: { groupId, codeId: code.id },
        },
      ],
      now,
    );
    return { groupId, rotated, via: 'simulated' };
  }
  if (group.kind === 'wechaty') {
    const invited = await wechatyRuntime(deps).inviteToGroup(group.account_id, groupId, contactId);
    return { groupId, rotated, via: invited ? 'invited' : 'not_invited' };
  }
  return { groupId, rotated, via: 'not_invited' };
}
