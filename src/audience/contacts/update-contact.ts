import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/store/database.js';
import { recordChanges } from '../record-changes.js';
import { applyAttributeRules } from '../rules/apply-attribute-rules.js';
import { AttrsInput, ContactFieldsInput, contactColumns } from './contact-input.js';
import {
  findContact,
  findWritableContact,
  toContactView,
  type ContactView,
  type Viewer,
} from './contact-view.js';

export const ContactPatch = ContactFieldsInput.extend({
  externalId: z.string().trim().min(1).max(200).optional(),
  /** Merged into the existing attributes; a null value removes that attribute. */
  attrs: z
    .record(z.string().min(1).max(100), z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]))
    .optional(),
});
export type ContactPatch = z.infer<typeof ContactPatch>;

/** PATCH semantics: absent fields are kept, null clears a field. */
export async function updateContact(
  db: Db,
  workspaceId: string,
  id: number,
  patch: ContactPatch,
  opts: { viewer: Viewer; now: Date },
): Promise<ContactView> {
  const data = ContactPatch.parse(patch);
  await db.transaction().execute(async (trx) => {
    const row = await findWritableContact(trx, workspaceId, id);
    if (data.externalId !== undefined && data.externalId !== row.external_id) {
      const taken = await trx
        .selectFrom('contacts')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('external_id', '=', data.externalId)
        .executeTakeFirst();
      if (taken) {
        throw new AppError('CONFLICT', `a contact with external id "${data.externalId}" exists`, {
          contact: taken.id,
        });
      }
    }
    const attrs = JSON.parse(row.attrs) as Record<string, unknown>;
    for (const [k, v] of Object.entries(data.attrs ?? {})) {
      if (v === null) delete attrs[k];
      else attrs[k] = v;
    }
    AttrsInput.parse(attrs);
    await trx
      .updateTable('contacts')
      .set({
        ...contactColumns(data),
        ...(data.externalId !== undefined ? { external_id: data.externalId } : {}),
        attrs: JSON.stringify(attrs),
        updated_at: opts.now.toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await recordChanges(trx, workspaceId, [id], 'contact', opts.now);
    await applyAttributeRules(trx, workspaceId, [id], opts.now);
  });
  return toContactView(await findContact(db, workspaceId, id), opts.viewer);
}
