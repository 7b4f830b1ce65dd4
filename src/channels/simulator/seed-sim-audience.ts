// A simulated audience for tests, benchmarks and demos: N virtual fans (contacts) who are friends of
// K simulator robot accounts (fan i belongs to account i mod K).
import { recordChanges } from '../../audience/record-changes.js';
import type { Store } from '../../platform/store/open-store.js';
import { createSimAccount, type SimAccountInput } from './create-sim-account.js';
import '../channel-tables.js';

const CHUNK = 2000;

export async function seedSimAudience(
  store: Store,
  workspaceId: string,
  opts: { fans: number; accounts: SimAccountInput[]; now: Date; prefix?: string },
): Promise<{ accountIds: string[]; contactIds: number[]; accountOf: (contactId: number) => string }> {
  const accountIds: string[] = [];
  for (const a of opts.accounts) {
    accountIds.push((await createSimAccount(store.db, workspaceId, a, { actor: 'seed', now: opts.now })).id);
  }
  const at = opts.now.toISOString();
  const prefix = opts.prefix ?? 'fan';
  const contactIds: number[] = [];
  const accountOf = new Map<number, string>();
  await store.db.transaction().execute(async (trx) => {
    for (let i = 0; i < opts.fans; i += CHUNK) {
      const n = Math.min(CHUNK, opts.fans - i);
      const rows = await trx
        .insertInto('contacts')
        .values(
          Array.from({ length: n }, (_, j) => ({
            workspace_id: workspaceId,
            external_id: `${prefix}-${i + j}`,
            name: `粉丝${i + j}`,
            attrs: '{}',
            created_at: at,
            updated_at: at,
          })),
        )
        .returning('id')
        .execute();
      const ids = rows.map((r) => Number(r.id));
      await recordChanges(trx, workspaceId, ids, 'contact', opts.now);
      await trx
        .insertInto('channel_contacts')
        .values(
          ids.map((contact_id, j) => {
            const account = accountIds[(i + j) % accountIds.length]!;
            accountOf.set(contact_id, account);
            return { account_id: account, contact_id, workspace_id: workspaceId, added_at: at };
          }),
        )
        .execute();
      contactIds.push(...ids);
    }
  });
  return { accountIds, contactIds, accountOf: (id) => accountOf.get(id)! };
}
