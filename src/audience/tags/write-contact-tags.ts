// The one writer of contact_tags: adds or removes (contact, tag) pairs in bulk and appends the contacts
// that really changed to the change feed, in the caller's transaction.
import type { Db } from '../../platform/store/database.js';
import { recordChanges } from '../record-changes.js';
import { notifyTagsChanged } from './on-tags-changed.js';
import '../audience-tables.js';

// 5 columns per row: well under SQLite's 32766 bound parameters per statement.
const INSERT_CHUNK = 5000;
const ID_CHUNK = 5000;

/** Gives every contact every tag; returns the contacts that gained at least one. */
export async function addContactTags(
  trx: Db,
  workspaceId: string,
  contactIds: readonly number[],
  tagIds: readonly string[],
  addedBy: string,
  now: Date,
): Promise<number[]> {
  const at = now.toISOString();
  const rows = contactIds.flatMap((contact_id) =>
    tagIds.map((tag_id) => ({
      contact_id,
      tag_id,
      workspace_id: workspaceId,
      added_at: at,
      added_by: addedBy,
    })),
  );
  const changed = new Set<number>();
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const added = await trx
      .insertInto('contact_tags')
      .values(rows.slice(i, i + INSERT_CHUNK))
      .onConflict((oc) => oc.columns(['contact_id', 'tag_id']).doNothing())
      .returning('contact_id')
      .execute();
    for (const r of added) changed.add(r.contact_id);
  }
  await recordChanges(trx, workspaceId, changed, 'contact', now);
  await notifyTagsChanged(trx, { workspaceId, action: 'added', tagIds, contactIds: [...changed], now });
  return [...changed];
}

/** Takes the tags off the contacts; returns the contacts that lost at least one. */
export async function removeContactTags(
  trx: Db,
  workspaceId: string,
  contactIds: readonly number[],
  tagIds: readonly string[],
  now: Date,
): Promise<number[]> {
  const changed = new Set<number>();
  if (tagIds.length === 0) return [];
  for (let i = 0; i < contactIds.length; i += ID_CHUNK) {
    const removed = await trx
      .deleteFrom('contact_tags')
      .where('workspace_id', '=', workspaceId)
      .where('tag_id', 'in', tagIds)
      .where('contact_id', 'in', contactIds.slice(i, i + ID_CHUNK))
      .returning('contact_id')
      .execute();
    for (const r of removed) changed.add(r.contact_id);
  }
  await recordChanges(trx, workspaceId, changed, 'contact', now);
  await notifyTagsChanged(trx, { workspaceId, action: 'removed', tagIds, contactIds: [...changed], now });
  return [...changed];
}
