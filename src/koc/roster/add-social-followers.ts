// Records contacts who follow a KOC's social accounts (koc_social_followers): unlike the fan pool, a fan
// may follow several KOCs, which is what selection by de-duplicated reach weighs. Adding again is a no-op.
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/store/database.js';
import { findKoc } from './koc-view.js';
import './koc-tables.js';

const CHUNK = 5_000;

export async function addSocialFollowers(
  db: Db,
  workspaceId: string,
  kocId: string,
  contactIds: readonly number[],
): Promise<{ added: number }> {
  const ids = [...new Set(contactIds)];
  return db.transaction().execute(async (trx) => {
    const koc = await findKoc(trx, workspaceId, kocId);
    if (koc.status === 'removed')
      throw new AppError('CONFLICT', 'a removed KOC cannot gain followers', { koc: kocId });
    let added = 0;
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const known = await trx
        .selectFrom('contacts')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('id', 'in', chunk)
        .where('erased_at', 'is', null)
        .execute();
      if (known.length !== chunk.length) {
        const missing = chunk.length - known.length;
        throw new AppError('NOT_FOUND', `${missing} of the contacts are not in this workspace`, { missing });
      }
      const r = await trx
        .insertInto('koc_social_followers')
        .values(chunk.map((contact_id) => ({ workspace_id: workspaceId, koc_id: kocId, contact_id })))
        .onConflict((oc) => oc.columns(['koc_id', 'contact_id']).doNothing())
        .executeTakeFirst();
      added += Number(r.numInsertedOrUpdatedRows ?? 0);
    }
    return { added };
  });
}
