import { z } from 'zod';
import { recordAudit } from '../../platform/audit.js';
import type { Db } from '../../platform/store/database.js';
import type { ScriptTable } from '../content-tables.js';
import type { SavedScript } from './create-script.js';
import {
  checkAttachments,
  checkScriptBody,
  writeAttachments,
  writeSearchTerms,
} from './save-script-parts.js';
import { findScriptRow, ScriptFields, toScripts } from './script-view.js';

export const ScriptPatch = z.strictObject({
  name: ScriptFields.name.optional(),
  purpose: ScriptFields.purpose.optional(),
  body: ScriptFields.body.optional(),
  promotion: ScriptFields.promotion.optional(),
  attachments: ScriptFields.attachments.optional(),
});
export type ScriptPatch = z.input<typeof ScriptPatch>;

/** Changes the given fields; the body is checked again as on create. */
export async function updateScript(
  db: Db,
  workspaceId: string,
  id: string,
  patch: ScriptPatch,
  ctx: { actor: string; now: Date },
): Promise<SavedScript> {
  const p = ScriptPatch.parse(patch);
  const before = await findScriptRow(db, workspaceId, id);
  const body = p.body ?? before.body;
  const { variables, warnings } = await checkScriptBody(db, workspaceId, body);
  await db.transaction().execute(async (trx) => {
    const set: Partial<ScriptTable> = {
      body,
      variables: JSON.stringify(variables),
      updated_at: ctx.now.toISOString(),
      ...(p.name !== undefined ? { name: p.name } : {}),
      ...(p.purpose !== undefined ? { purpose: p.purpose } : {}),
      ...(p.promotion !== undefined ? { promotion: p.promotion ? 1 : 0 } : {}),
    };
    await trx.updateTable('scripts').set(set).where('id', '=', id).execute();
    if (p.attachments) {
      await checkAttachments(trx, workspaceId, p.attachments);
      await writeAttachments(trx, id, p.attachments);
    }
    if (p.name !== undefined || p.body !== undefined) {
      await writeSearchTerms(trx, workspaceId, id, { name: p.name ?? before.name, body });
    }
    await recordAudit(trx, {
      workspaceId,
      actor: ctx.actor,
      action: 'script.update',
      target: id,
      details: { fields: Object.keys(p) },
      at: ctx.now,
    });
  });
  const [script] = await toScripts(db, [await findScriptRow(db, workspaceId, id)]);
  return { script: script!, warnings };
}
