import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/store/database.js';
import { recordChanges } from '../record-changes.js';
import { applyAttributeRules } from '../rules/apply-attribute-rules.js';
import { AttrsInput, ContactFieldsInput, contactColumns } from './contact-input.js';
import { findContact, toContactView, type ContactView, type Viewer } from './contact-view.js';

export const NewContactInput = ContactFieldsInput.extend({
  externalId: z.string().trim().min(1).max(200),
  attrs: AttrsInput.optional(),
});
export type NewContactInput = z.infer<typeof NewContactInput>;

/** Creates a contact; its external id must be new in the workspace. */
export async function createContact(
  db: Db,
  workspaceId: string,
  input: NewContactInput,
  opts: { viewer: Viewer; now: Date },
): Promise<ContactView> {
  const data = NewContactInput.parse(input);
  const at = opts.now.toISOString();
  const id = await db.transaction().execute(async (trx) => {
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
    const row = await trx
      .insertInto('contacts')
      .values({
        workspace_id: workspaceId,
        external_id: data.externalId,
        ...contactColumns(data),
        attrs: JSON.stringify(data.attrs ?? {}),
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordChanges(trx, workspaceId, [row.id], 'contact', opts.now);
    await applyAttributeRules(trx, workspaceId, [row.id], opts.now);
    return row.id;
  });
  return toContactView(await findContact(db, workspaceId, id), opts.viewer);
}
