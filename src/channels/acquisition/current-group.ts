// The group a group code (or a friend code's community invitation) sends fans to now: the newest of the
// code's groups, or — when it holds `capacity` members (WeChat: 200 join by QR) — a new group of the
// same account, which becomes the code's current one (活码 rotation). `force` opens the next group now
// (an operator rotates by hand: the group was closed in WeChat, or its owner wants a fresh one).
import { newId } from '../../platform/ids.js';
import type { Db } from '../../platform/store/database.js';
import type { AcquisitionCodeTable } from './acquisition-tables.js';
import '../channel-tables.js';

export async function currentGroup(
  db: Db,
  code: AcquisitionCodeTable,
  now: Date,
  opts: { force?: boolean } = {},
): Promise<{ groupId: string; rotated: boolean }> {
  return db.transaction().execute(async (trx) => {
    const latest = await trx
      .selectFrom('acquisition_code_groups')
      .innerJoin('channel_groups', 'channel_groups.id', 'acquisition_code_groups.group_id')
      .select(['group_id', 'position', 'channel_groups.account_id', 'channel_groups.name'])
      .where('code_id', '=', code.id)
      .orderBy('position', 'desc')
      .executeTakeFirst();
    if (latest && !opts.force) {
      const { n } = await trx
        .selectFrom('channel_group_members')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('group_id', '=', latest.group_id)
        .executeTakeFirstOrThrow();
      if (Number(n) < code.group_capacity) return { groupId: latest.group_id, rotated: false };
    }
    const position = (latest?.position ?? 0) + 1;
    const accountId = latest?.account_id ?? (JSON.parse(code.account_ids) as string[])[0]!;
    const id = newId('grp', now);
    const at = now.toISOString();
    await trx
      .insertInto('channel_groups')
      .values({
        id,
        workspace_id: code.workspace_id,
        account_id: accountId,
        name: `${code.name} ${position}`,
        created_at: at,
      })
      .execute();
    await trx
      .insertInto('acquisition_code_groups')
      .values({ code_id: code.id, group_id: id, position, created_at: at })
      .execute();
    return { groupId: id, rotated: latest !== undefined };
  });
}
