// Replaces a workspace's ladder settings (tier names and rules); the next evaluation uses them.
import { recordAudit } from '../../platform/audit.js';
import type { Db } from '../../platform/store/database.js';
import { LadderSettings } from './ladder-settings.js';

export async function updateLadder(
  db: Db,
  workspaceId: string,
  raw: unknown,
  ctx: { actor: string; now: Date },
): Promise<LadderSettings> {
  const settings = LadderSettings.parse(raw);
  const text = JSON.stringify(settings);
  const at = ctx.now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('ladder_settings')
      .values({ workspace_id: workspaceId, settings: text, sweep_cursor: 0, updated_at: at })
      .onConflict((oc) => oc.column('workspace_id').doUpdateSet({ settings: text, updated_at: at }))
      .execute();
    await recordAudit(trx, { workspaceId, actor: ctx.actor, action: 'ladder.update', at: ctx.now });
  });
  return settings;
}
