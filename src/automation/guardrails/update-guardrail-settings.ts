// Replaces a workspace's guardrail settings (audited).
import { recordAudit } from '../../platform/audit.js';
import type { Db } from '../../platform/store/database.js';
import { GuardrailSettings } from './guardrail-settings.js';

export async function updateGuardrailSettings(
  db: Db,
  workspaceId: string,
  input: GuardrailSettings,
  ctx: { actor: string; now: Date },
): Promise<GuardrailSettings> {
  const settings = GuardrailSettings.parse(input);
  const text = JSON.stringify(settings);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('guardrail_settings')
      .values({ workspace_id: workspaceId, settings: text, updated_at: ctx.now.toISOString() })
      .onConflict((oc) =>
        oc.column('workspace_id').doUpdateSet({ settings: text, updated_at: ctx.now.toISOString() }),
      )
      .execute();
    await recordAudit(trx, {
      workspaceId,
      actor: ctx.actor,
      action: 'guardrails.update',
      details: settings,
      at: ctx.now,
    });
  });
  return settings;
}
