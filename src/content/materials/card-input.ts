// Text and card materials (link, mini-program, product): JSON, no file. Covers and product images are
// image or poster materials of the same workspace.
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/store/database.js';
import { MaterialCommon } from './material-view.js';

const Url = z.url({ protocol: /^https?$/ }).max(2000);
const MaterialRef = z.string().min(1);
const common = {
  title: MaterialCommon.title,
  folderId: MaterialCommon.folderId.optional(),
  tags: MaterialCommon.tags.default([]),
};

export const CardMaterialInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('text'), ...common, text: z.string().min(1).max(5000) }),
  z.strictObject({
    kind: z.literal('link'),
    ...common,
    url: Url,
    description: z.string().max(500).optional(),
    coverMaterialId: MaterialRef.optional(),
  }),
  z.strictObject({
    kind: z.literal('miniprogram'),
    ...common,
    appid: z.string().regex(/^wx[0-9a-f]{16}$/, 'a mini-program appid looks like wx0123456789abcdef'),
    pagepath: z.string().min(1).max(500),
    coverMaterialId: MaterialRef.optional(),
  }),
  z.strictObject({
    kind: z.literal('product'),
    ...common,
    productName: z.string().trim().min(1).max(200),
    price: z.number().nonnegative().max(10_000_000),
    url: Url,
    imageMaterialId: MaterialRef.optional(),
  }),
]);
export type CardMaterialInput = z.input<typeof CardMaterialInput>;
export type CardMaterial = z.output<typeof CardMaterialInput>;

/** The fields stored as the material's data (everything but the common ones). */
export function cardData(card: CardMaterial): Record<string, unknown> {
  const { kind: _kind, title: _title, folderId: _folder, tags: _tags, ...data } = card;
  return data;
}

/** Ids of the materials a card shows (its cover or product image). */
export function cardRefs(data: Record<string, unknown>): string[] {
  return [data.coverMaterialId, data.imageMaterialId].filter((x): x is string => typeof x === 'string');
}

export async function checkCardRefs(db: Db, workspaceId: string, data: Record<string, unknown>) {
  for (const id of cardRefs(data)) {
    const row = await db
      .selectFrom('materials')
      .select('kind')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!row || (row.kind !== 'image' && row.kind !== 'poster')) {
      throw new AppError('VALIDATION', `no image or poster material ${id} in this workspace`, {
        material: id,
      });
    }
  }
}
