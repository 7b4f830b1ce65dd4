// Changes a community's settings (not its type or owner: its groups live on that account).
import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/store/database.js';
import { CommunityPatch } from './community-input.js';
import { findCommunity, getCommunity, type CommunityView } from './community-view.js';
import { checkCommunityRefs } from './create-community.js';

export async function updateCommunity(
  db: Db,
  workspaceId: string,
  id: string,
  raw: CommunityPatch,
  ctx: { actor: string; now: Date },
): Promise<CommunityView> {
  const patch = CommunityPatch.parse(raw);
  const row = await findCommunity(db, workspaceId, id);
  await checkCommunityRefs(db, workspaceId, { welcomeScriptId: patch.welcomeScriptId });
  if (row.type === 'tier_group' && patch.tier === null)
    throw new AppError('VALIDATION', 'a tier_group community needs a tier');
  if (patch.name !== undefined && patch.name !== row.name) {
    const taken = await db
      .selectFrom('communities')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('name', '=', patch.name)
      .executeTakeFirst();
    if (taken) throw new AppError('CONFLICT', `a community named "${patch.name}" exists`);
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('communities')
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.tags !== undefined ? { tags: JSON.stringify([...new Set(patch.tags)]) } : {}),
        ...(patch.capacity !== undefined ? { capacity: patch.capacity } : {}),
        ...(patch.welcomeScriptId !== undefined ? { welcome_script_id: patch.welcomeScriptId } : {}),
        ...(patch.tier !== undefined ? { tier: patch.tier } : {}),
        updated_at: ctx.now.toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      workspaceId,
      actor: ctx.actor,
      action: 'community.update',
      target: id,
      details: { fields: Object.keys(patch) },
      at: ctx.now,
    });
  });
  return getCommunity(db, workspaceId, id);
}
