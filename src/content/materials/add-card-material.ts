import { recordAudit } from '../../platform/audit.js';
import { newId } from '../../platform/ids.js';
import type { Db } from '../../platform/store/database.js';
import { CardMaterialInput, cardData, checkCardRefs, type CardMaterial } from './card-input.js';
import { checkFolder, getMaterial, writeMaterialTags, type Material } from './material-view.js';

/** Adds a text, link card, mini-program card or product card. */
export async function addCardMaterial(
  db: Db,
  workspaceId: string,
  input: CardMaterialInput | CardMaterial,
  ctx: { actor: string; now: Date },
): Promise<Material> {
  const card = CardMaterialInput.parse(input);
  const data = cardData(card);
  await checkFolder(db, workspaceId, card.folderId);
  await checkCardRefs(db, workspaceId, data);
  const id = newId('mat', ctx.now);
  const at = ctx.now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('materials')
      .values({
        id,
        workspace_id: workspaceId,
        kind: card.kind,
        title: card.title,
        folder_id: card.folderId ?? null,
        file_sha256: null,
        file_size: null,
        mime_type: null,
        file_name: null,
        data: JSON.stringify(data),
        use_count: 0,
        last_used_at: null,
        created_by: ctx.actor,
        created_at: at,
        updated_at: at,
        deleted_at: null,
      })
      .execute();
    await writeMaterialTags(trx, workspaceId, id, card.tags);
    await recordAudit(trx, {
      workspaceId,
      actor: ctx.actor,
      action: 'material.create',
      target: id,
      details: { kind: card.kind },
      at: ctx.now,
    });
  });
  return getMaterial(db, workspaceId, id);
}
