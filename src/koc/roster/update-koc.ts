// Changes a KOC's fields; absent fields are kept, null clears, socialAccounts replaces the list.
import { recordAudit } from '../../platform/audit.js';
import type { Db } from '../../platform/store/database.js';
import { KocPatch } from './koc-input.js';
import { findKoc, toKocViews, type KocView } from './koc-view.js';
import { assertNoDuplicate, checkLinks, phoneOrThrow, writeSocials } from './koc-writes.js';

export async function updateKoc(
  db: Db,
  workspaceId: string,
  kocId: string,
  patch: KocPatch,
  opts: { actor: string; now: Date; seesPii: boolean },
): Promise<KocView> {
  const data = KocPatch.parse(patch);
  await db.transaction().execute(async (trx) => {
    const koc = await findKoc(trx, workspaceId, kocId);
    const phone = data.phone === undefined ? undefined : phoneOrThrow(data.phone);
    await checkLinks(trx, workspaceId, koc.kind, data);
    await assertNoDuplicate(trx, workspaceId, phone ?? null, data.socialAccounts ?? [], kocId);
    await trx
      .updateTable('kocs')
      .set({
        ...(data.name === undefined ? {} : { name: data.name }),
        ...(phone === undefined ? {} : { phone }),
        ...(data.contactId === undefined ? {} : { contact_id: data.contactId }),
        ...(data.accountId === undefined ? {} : { account_id: data.accountId }),
        ...(data.category === undefined ? {} : { category: data.category }),
        ...(data.city === undefined ? {} : { city: data.city }),
        updated_at: opts.now.toISOString(),
      })
      .where('id', '=', kocId)
      .execute();
    if (data.socialAccounts) await writeSocials(trx, workspaceId, kocId, data.socialAccounts, opts.now);
    await recordAudit(trx, {
      workspaceId,
      actor: opts.actor,
      action: 'koc.update',
      target: kocId,
      details: { fields: Object.keys(data) },
      at: opts.now,
    });
  });
  const [view] = await toKocViews(db, [await findKoc(db, workspaceId, kocId)], opts.seesPii);
  return view!;
}
