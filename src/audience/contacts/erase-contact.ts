import { createHash } from 'node:crypto';
import { recordAudit } from '../../platform/audit.js';
import { newId } from '../../platform/ids.js';
import type { Db } from '../../platform/store/database.js';
import { recordChanges } from '../record-changes.js';
import { findContact } from './contact-view.js';
import { inAllEventWeeks } from '../events/event-weeks.js';

export interface Erasure {
  id: string;
  /** SHA-256 (hex) of the erased external id: proves the erasure without keeping who it was. */
  subjectHash: string;
  removed: { contacts: number; tags: number; events: number };
  at: string;
}

/**
 * Erases a person on their request (PIPL): their personal fields, tags and events are deleted, the row
 * keeps only its number. Contacts merged with it are the same person and are erased too. What remains
 * is an `erasures` row and an audit entry, neither holding personal data.
 */
export async function eraseContact(
  db: Db,
  workspaceId: string,
  id: number,
  opts: { actor: string; now: Date },
): Promise<Erasure> {
  const at = opts.now.toISOString();
  return db.transaction().execute(async (trx) => {
    const row = await findContact(trx, workspaceId, id);
    const root = row.merged_into ?? row.id;
    const family = await trx
      .selectFrom('contacts')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('erased_at', 'is', null)
      .where((eb) => eb.or([eb('id', '=', root), eb('merged_into', '=', root)]))
      .execute();
    const ids = family.map((c) => c.id);
    const tags = await trx.deleteFrom('contact_tags').where('contact_id', 'in', ids).executeTakeFirst();
    const events = await trx
      .deleteFrom('events')
      .where(await inAllEventWeeks(trx))
      .where('contact_id', 'in', ids)
      .executeTakeFirst();
    for (const cid of ids) {
      await trx
        .updateTable('contacts')
        .set({
          // The external id may itself identify the person (an openid, a phone): replaced too.
          external_id: `erased:${cid}`,
          name: null,
          phone: null,
          wechat_id: null,
          wecom_external_userid: null,
          gender: null,
          city: null,
          birth_year: null,
          source: null,
          owner_koc_id: null,
          attrs: '{}',
          erased_at: at,
          updated_at: at,
        })
        .where('id', '=', cid)
        .execute();
    }
    await recordChanges(trx, workspaceId, ids, 'erase', opts.now);
    const erasure: Erasure = {
      id: newId('era', opts.now),
      subjectHash: createHash('sha256').update(row.external_id).digest('hex'),
      removed: {
        contacts: ids.length,
        tags: Number(tags.numDeletedRows),
        events: Number(events.numDeletedRows),
      },
      at,
    };
    await trx
      .insertInto('erasures')
      .values({
        id: erasure.id,
        workspace_id: workspaceId,
        subject_hash: erasure.subjectHash,
        requested_by: opts.actor,
        removed: JSON.stringify(erasure.removed),
        at,
      })
      .execute();
    await recordAudit(trx, {
      workspaceId,
      actor: opts.actor,
      action: 'contact.erase',
      target: erasure.id,
      details: { removed: erasure.removed },
      at: opts.now,
    });
    return erasure;
  });
}
