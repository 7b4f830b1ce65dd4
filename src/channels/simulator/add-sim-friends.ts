// Makes contacts friends of a simulator account: by ids, or every member of a segment expression.
import { audienceIndexFor } from '../../audience/index/audience-index.js';
import { AppError } from '../../platform/errors.js';
import type { Store } from '../../platform/store/open-store.js';
import '../channel-tables.js';
import '../../audience/audience-tables.js';

const CHUNK = 5000;

export async function requireSimAccount(store: Store, workspaceId: string, accountId: string): Promise<void> {
  const acc = await store.db
    .selectFrom('channel_accounts')
    .select('id')
    .where('id', '=', accountId)
    .where('workspace_id', '=', workspaceId)
    .where('kind', '=', 'simulator')
    .executeTakeFirst();
  if (!acc) throw new AppError('NOT_FOUND', `simulator account ${accountId} not found`, { accountId });
}

/** Resolves `segment` (an expression) and/or explicit ids to contact ids of the workspace. */
export async function resolveContacts(
  store: Store,
  workspaceId: string,
  input: { contactIds?: number[] | undefined; segment?: string | undefined },
  now: Date,
): Promise<number[]> {
  const ids = new Set(input.contactIds ?? []);
  if (input.segment) {
    const bitmap = await audienceIndexFor(store).bitmap(workspaceId, input.segment, { at: now });
    for (const id of bitmap.toArray()) ids.add(id);
  }
  const list = [...ids];
  const known = new Set<number>();
  for (let i = 0; i < list.length; i += CHUNK) {
    const rows = await store.db
      .selectFrom('contacts')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', list.slice(i, i + CHUNK))
      .where('erased_at', 'is', null)
      .execute();
    for (const r of rows) known.add(Number(r.id));
  }
  const missing = list.filter((id) => !known.has(id));
  if (missing.length > 0) {
    throw new AppError('NOT_FOUND', `unknown contact id(s): ${missing.slice(0, 10).join(', ')}`, { missing });
  }
  return list;
}

export async function addSimFriends(
  store: Store,
  workspaceId: string,
  accountId: string,
  input: { contactIds?: number[] | undefined; segment?: string | undefined },
  now: Date,
): Promise<{ added: number }> {
  await requireSimAccount(store, workspaceId, accountId);
  const ids = await resolveContacts(store, workspaceId, input, now);
  let added = 0;
  await store.db.transaction().execute(async (trx) => {
    for (let i = 0; i < ids.length; i += CHUNK) {
      const r = await trx
        .insertInto('channel_contacts')
        .values(
          ids.slice(i, i + CHUNK).map((contact_id) => ({
            account_id: accountId,
            contact_id,
            workspace_id: workspaceId,
            added_at: now.toISOString(),
          })),
        )
        .onConflict((oc) => oc.columns(['account_id', 'contact_id']).doNothing())
        .executeTakeFirst();
      added += Number(r.numInsertedOrUpdatedRows ?? 0);
    }
  });
  return { added };
}
