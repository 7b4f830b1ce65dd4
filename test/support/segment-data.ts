// Writes audience rows to a real store the way the audience writers do (rows + change feed in one
// transaction), for the segment index tests. Returns the store's ids so a reference model can follow.
import { inAllEventWeeks } from '../../src/audience/events/event-weeks.js';
import { recordChanges } from '../../src/audience/record-changes.js';
import { ensureTags } from '../../src/audience/tags/ensure-tags.js';
import type { AttrValue } from '../../src/audience/segments/segment-index.js';
import type { Db } from '../../src/platform/store/database.js';
import '../../src/audience/audience-tables.js';

export interface TestContact {
  name?: string | null;
  phone?: string | null;
  gender?: string | null;
  city?: string | null;
  birth_year?: number | null;
  source?: string | null;
  created_at: string;
  attrs: Record<string, AttrValue>;
  tags: string[];
  events: { type: string; at: number }[];
}

let serial = 0;

export async function writeContact(db: Db, workspaceId: string, c: TestContact, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('contacts')
      .values({
        workspace_id: workspaceId,
        external_id: `x${++serial}`,
        name: c.name ?? null,
        phone: c.phone ?? null,
        gender: c.gender ?? null,
        city: c.city ?? null,
        birth_year: c.birth_year ?? null,
        source: c.source ?? null,
        attrs: JSON.stringify(c.attrs),
        created_at: c.created_at,
        updated_at: c.created_at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const contactId = Number(id);
    await tagContacts(trx, workspaceId, [contactId], c.tags, now);
    await writeEvents(trx, workspaceId, contactId, c.events, now);
    await recordChanges(trx, workspaceId, [contactId], 'contact', now);
    return contactId;
  });
}

export async function tagContacts(db: Db, workspaceId: string, ids: number[], tags: string[], now: Date) {
  if (tags.length === 0) return;
  const tagIds = await ensureTags(db, workspaceId, tags, now);
  await db
    .insertInto('contact_tags')
    .values(
      ids.flatMap((contact_id) =>
        tags.map((t) => ({
          contact_id,
          tag_id: tagIds.get(t)!,
          workspace_id: workspaceId,
          added_at: now.toISOString(),
          added_by: 'manual',
        })),
      ),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
  await recordChanges(db, workspaceId, ids, 'contact', now);
}

export async function writeEvents(
  db: Db,
  workspaceId: string,
  contactId: number,
  events: { type: string; at: number }[],
  now: Date,
) {
  if (events.length === 0) return;
  await db
    .insertInto('events')
    .values(
      events.map((e) => ({
        workspace_id: workspaceId,
        event_id: `e${++serial}`,
        contact_id: contactId,
        type: e.type,
        at: e.at,
        props: '{}',
        received_at: now.toISOString(),
      })),
    )
    .execute();
}

/** Erasure as the audience domain does it: the row keeps only ids, tags and events go. */
export async function eraseContact(db: Db, workspaceId: string, contactId: number, now: Date) {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('contacts')
      .set({ name: null, phone: null, city: null, attrs: '{}', erased_at: now.toISOString() })
      .where('id', '=', contactId)
      .execute();
    await trx.deleteFrom('contact_tags').where('contact_id', '=', contactId).execute();
    await trx
      .deleteFrom('events')
      .where(await inAllEventWeeks(trx))
      .where('contact_id', '=', contactId)
      .execute();
    await recordChanges(trx, workspaceId, [contactId], 'erase', now);
  });
}
