import { z } from 'zod';
import { recordAudit } from '../../platform/audit.js';
import { newId } from '../../platform/ids.js';
import type { Db } from '../../platform/store/database.js';
import type { SensitiveHit } from '../sensitive/check-sensitive.js';
import {
  checkAttachments,
  checkScriptBody,
  writeAttachments,
  writeSearchTerms,
} from './save-script-parts.js';
import { findScriptRow, ScriptFields, toScripts, type Script } from './script-view.js';

export const NewScriptInput = z.strictObject({
  name: ScriptFields.name,
  purpose: ScriptFields.purpose,
  body: ScriptFields.body,
  /** Defaults to true for the promotion purpose. */
  promotion: ScriptFields.promotion.optional(),
  attachments: ScriptFields.attachments.default([]),
});
export type NewScriptInput = z.input<typeof NewScriptInput>;

export interface SavedScript {
  script: Script;
  /** Words of the workspace's warn list found in the body (saved anyway). */
  warnings: SensitiveHit[];
}

/** Saves a script; a bad template, a blocked word or an unknown attachment saves nothing. */
export async function createScript(
  db: Db,
  workspaceId: string,
  input: NewScriptInput,
  ctx: { actor: string; now: Date },
): Promise<SavedScript> {
  const v = NewScriptInput.parse(input);
  const { variables, warnings } = await checkScriptBody(db, workspaceId, v.body);
  const id = newId('scr', ctx.now);
  const at = ctx.now.toISOString();
  await db.transaction().execute(async (trx) => {
    await checkAttachments(trx, workspaceId, v.attachments);
    await trx
      .insertInto('scripts')
      .values({
        id,
        workspace_id: workspaceId,
        name: v.name,
        purpose: v.purpose,
        body: v.body,
        promotion: (v.promotion ?? v.purpose === 'promotion') ? 1 : 0,
        variables: JSON.stringify(variables),
        created_by: ctx.actor,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await writeAttachments(trx, id, v.attachments);
    await writeSearchTerms(trx, workspaceId, id, v);
    await recordAudit(trx, {
      workspaceId,
      actor: ctx.actor,
      action: 'script.create',
      target: id,
      details: { name: v.name, purpose: v.purpose },
      at: ctx.now,
    });
  });
  const [script] = await toScripts(db, [await findScriptRow(db, workspaceId, id)]);
  return { script: script!, warnings };
}
