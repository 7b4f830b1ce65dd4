// Attributes contacts to a KOC's fan pool (contacts.owner_koc_id). Channel codes, imports and events
// call this; a contact belongs to one KOC at a time, so this moves it from any previous one.
import { recordChanges } from '../../audience/record-changes.js';
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/store/database.js';
import { findKoc } from './koc-view.js';

const CHUNK = 5_000;

export async function attributeFans(
  db: Db,
  workspaceId: string,
  kocId: string,
  contactIds: readonly number[],
  now: Date,
): Promise<{ attributed: number }> {
  const ids = [...new Set(contactIds)];
  return db.transaction().execute(async (trx) => {
    const koc = await findKoc(trx, workspaceId, kocId);
    if (koc.status === 'removed')
      throw new AppError('CONFLICT', 'a removed KOC cannot gain fans', { koc: kocId });
    let attributed = 0;
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const r = await trx
        .updateTable('contacts')
        .set({ owner_koc_id: kocId, updated_at: now.toISOString() })
        .where('workspace_id', '=', workspaceId)
        .where('id', 'in', chunk)
        .where('erased_at', 'is', null)
        .executeTakeFirst();
      attributed += Number(r.numUpdatedRows);
    }
    if (attributed !== ids.length) {
      throw new AppError(
        'NOT_FOUND',
        `${ids.length - attributed} of the contacts are not in this workspace`,
        {
          missing: ids.length - attributed,
        },
      );
    }
    await recordChanges(trx, workspaceId, ids, 'contact', now);
    return { attributed };
  });
}
