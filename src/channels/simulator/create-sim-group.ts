// Creates a group of a simulator account with its first members (ids or a segment expression).
import { newId } from '../../platform/ids.js';
import type { Store } from '../../platform/store/open-store.js';
import { requireSimAccount, resolveContacts } from './add-sim-friends.js';

const CHUNK = 5000;

export async function createSimGroup(
  store: Store,
  workspaceId: string,
  accountId: string,
  input: { name: string; contactIds?: number[] | undefined; segment?: string | undefined },
  now: Date,
): Promise<{ id: string; name: string; members: number }> {
  await requireSimAccount(store, workspaceId, accountId);
  const ids = await resolveContacts(store, workspaceId, input, now);
  const id = newId('grp', now);
  const at = now.toISOString();
  await store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('channel_groups')
      .values({ id, workspace_id: workspaceId, account_id: accountId, name: input.name, created_at: at })
      .execute();
    for (let i = 0; i < ids.length; i += CHUNK) {
      await trx
        .insertInto('channel_group_members')
        .values(ids.slice(i, i + CHUNK).map((contact_id) => ({ group_id: id, contact_id, joined_at: at })))
        .execute();
    }
  });
  return { id, name: input.name, members: ids.length };
}
