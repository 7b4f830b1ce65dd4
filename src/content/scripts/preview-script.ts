// Renders a script for one real contact, as a send would, and says which variables had no value.
import { z } from 'zod';
import '../../audience/audience-tables.js';
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/store/database.js';
import { renderScript, type Rendered } from '../render-template.js';
import { checkSensitive, type SensitiveHit } from '../sensitive/check-sensitive.js';
import { getScript } from './get-script.js';

const Text = z.string().max(500);
export const PreviewInput = z
  .strictObject({
    contactId: z.number().int().positive().optional(),
    externalId: z.string().min(1).max(200).optional(),
    koc: z.strictObject({ name: Text.optional() }).optional(),
    product: z
      .strictObject({ name: Text.optional(), price: z.union([Text, z.number()]).optional() })
      .optional(),
    campaign: z.strictObject({ name: Text.optional(), link: Text.optional() }).optional(),
  })
  .refine((v) => (v.contactId === undefined) !== (v.externalId === undefined), {
    message: 'give exactly one of contactId and externalId',
  });
export type PreviewInput = z.input<typeof PreviewInput>;

export interface Preview extends Rendered {
  contactId: number;
  attachments: { id: string; kind: string; title: string }[];
  /** Sensitive words in the rendered text (a contact's name can bring one in). */
  sensitive: { blocked: SensitiveHit[]; warnings: SensitiveHit[] };
}

export async function previewScript(
  db: Db,
  workspace: { id: string; name: string },
  scriptId: string,
  input: PreviewInput,
): Promise<Preview> {
  const v = PreviewInput.parse(input);
  const script = await getScript(db, workspace.id, scriptId);
  let q = db
    .selectFrom('contacts')
    .select(['id', 'name', 'city'])
    .where('workspace_id', '=', workspace.id)
    .where('erased_at', 'is', null);
  q =
    v.contactId !== undefined ? q.where('id', '=', v.contactId) : q.where('external_id', '=', v.externalId!);
  const contact = await q.executeTakeFirst();
  if (!contact) {
    throw new AppError('NOT_FOUND', `contact ${v.contactId ?? v.externalId} not found`, {
      contactId: v.contactId ?? null,
      externalId: v.externalId ?? null,
    });
  }
  const rendered = renderScript(script.body, {
    contact: { name: contact.name, city: contact.city },
    koc: v.koc ?? null,
    product: v.product ?? null,
    campaign: v.campaign ?? null,
    workspace: { name: workspace.name },
  });
  const attachments = script.attachments.length
    ? await db
        .selectFrom('materials')
        .select(['id', 'kind', 'title'])
        .where('workspace_id', '=', workspace.id)
        .where('id', 'in', script.attachments)
        .execute()
    : [];
  const order = new Map(script.attachments.map((id, i) => [id, i]));
  attachments.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return {
    contactId: Number(contact.id),
    ...rendered,
    attachments,
    sensitive: await checkSensitive(db, workspace.id, rendered.text),
  };
}
