import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/store/database.js';
import { recordChanges } from '../record-changes.js';
import {
  findContact,
  findWritableContact,
  toContactView,
  type ContactView,
  type Viewer,
} from './contact-view.js';
import { inAllEventWeeks } from '../events/event-weeks.js';

const FILLABLE = [
  'name',
  'phone',
  'wechat_id',
  'wecom_external_userid',
  'gender',
  'city',
  'birth_year',
  'source',
  'owner_koc_id',
] as const;
const EVENT_CHUNK = 3000;

/**
 * Merges a duplicate into the contact kept: the kept one gains the duplicate's tags and events and any
 * field it lacks (its own values win); the duplicate stays as a pointer (`merged_into`) so events sent
 * with its external id still reach the person.
 */
export async function mergeContacts(
  db: Db,
  workspaceId: string,
  keepId: number,
  duplicateId: number,
  opts: { actor: string; viewer: Viewer; now: Date },
): Promise<{ contact: ContactView; moved: { tags: number; events: number } }> {
  if (keepId === duplicateId) throw new AppError('VALIDATION', 'a contact cannot be merged into itself');
  const at = opts.now.toISOString();
  const moved = await db.transaction().execute(async (trx) => {
    const keep = await findWritableContact(trx, workspaceId, keepId);
    const dup = await findWritableContact(trx, workspaceId, duplicateId);

    const dupTags = await trx
      .selectFrom('contact_tags')
      .selectAll()
      .where('contact_id', '=', dup.id)
      .execute();
    if (dupTags.length > 0) {
      await trx
        .insertInto('contact_tags')
        .values(dupTags.map((t) => ({ ...t, contact_id: keep.id })))
        .onConflict((oc) => oc.columns(['contact_id', 'tag_id']).doNothing())
        .execute();
      await trx.deleteFrom('contact_tags').where('contact_id', '=', dup.id).execute();
    }
    // Re-inserted rather than updated: the segment index follows events by seq, so moved events need new seqs.
    const weeks = await inAllEventWeeks(trx);
    const events = await trx
      .selectFrom('events')
      .selectAll()
      .where(weeks)
      .where('contact_id', '=', dup.id)
      .execute();
    await trx.deleteFrom('events').where(weeks).where('contact_id', '=', dup.id).execute();
    for (let i = 0; i < events.length; i += EVENT_CHUNK) {
      await trx
        .insertInto('events')
        .values(
          events.slice(i, i + EVENT_CHUNK).map(({ seq: _seq, ...e }) => ({ ...e, contact_id: keep.id })),
        )
        .execute();
    }

    const fill: Record<string, string | number | null> = {};
    for (const col of FILLABLE) if (keep[col] === null && dup[col] !== null) fill[col] = dup[col];
    const attrs = { ...JSON.parse(dup.attrs), ...JSON.parse(keep.attrs) } as Record<string, unknown>;
    await trx
      .updateTable('contacts')
      .set({ ...fill, attrs: JSON.stringify(attrs), updated_at: at })
      .where('id', '=', keep.id)
      .execute();
    // Earlier duplicates of the duplicate now point at the survivor directly (no chains to follow).
    await trx
      .updateTable('contacts')
      .set({ merged_into: keep.id, updated_at: at })
      .where('workspace_id', '=', workspaceId)
      .where((eb) => eb.or([eb('id', '=', dup.id), eb('merged_into', '=', dup.id)]))
      .execute();
    await recordChanges(trx, workspaceId, [keep.id, dup.id], 'contact', opts.now);
    const counts = { tags: dupTags.length, events: events.length };
    await recordAudit(trx, {
      workspaceId,
      actor: opts.actor,
      action: 'contact.merge',
      target: String(keep.id),
      details: { merged: dup.id, moved: counts },
      at: opts.now,
    });
    return counts;
  });
  return { contact: toContactView(await findContact(db, workspaceId, keepId), opts.viewer), moved };
}
