import { z } from 'zod';
import type { Db } from '../../platform/store/database.js';
import { findWritableContact } from '../contacts/contact-view.js';
import { applyAttributeRules } from '../rules/apply-attribute-rules.js';
import { ensureTags } from './ensure-tags.js';
import { addContactTags, removeContactTags } from './write-contact-tags.js';

const TagNames = z.array(z.string().trim().min(1).max(50)).max(100);
export const TagContactInput = z
  .strictObject({ add: TagNames.default([]), remove: TagNames.default([]) })
  .refine((v) => v.add.length + v.remove.length > 0, 'give tags to add or remove');
export type TagContactInput = z.input<typeof TagContactInput>;

/** Manual tagging of one contact by tag names (new names become tags). Returns its tag names. */
export async function tagContact(
  db: Db,
  workspaceId: string,
  contactId: number,
  input: TagContactInput,
  opts: { addedBy: string; now: Date },
): Promise<string[]> {
  const data = TagContactInput.parse(input);
  return db.transaction().execute(async (trx) => {
    await findWritableContact(trx, workspaceId, contactId);
    if (data.add.length > 0) {
      const ids = await ensureTags(trx, workspaceId, data.add, opts.now);
      await addContactTags(trx, workspaceId, [contactId], [...ids.values()], opts.addedBy, opts.now);
    }
    if (data.remove.length > 0) {
      const found = await trx
        .selectFrom('tags')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('name', 'in', data.remove)
        .execute();
      await removeContactTags(
        trx,
        workspaceId,
        [contactId],
        found.map((t) => t.id),
        opts.now,
      );
    }
    await applyAttributeRules(trx, workspaceId, [contactId], opts.now);
    const tags = await trx
      .selectFrom('contact_tags as ct')
      .innerJoin('tags as t', 't.id', 'ct.tag_id')
      .select('t.name')
      .where('ct.contact_id', '=', contactId)
      .orderBy('t.name')
      .execute();
    return tags.map((t) => t.name);
  });
}
