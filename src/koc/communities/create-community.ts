// Creates a community with its first channel group on the owner account.
import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Db } from '../../platform/store/database.js';
import { CommunityInput } from './community-input.js';
import { getCommunity, type CommunityView } from './community-view.js';
import { openCommunityGroup } from './open-community-group.js';
import '../../content/content-tables.js';

export async function checkCommunityRefs(
  db: Db,
  workspaceId: string,
  refs: { ownerAccountId?: string | undefined; welcomeScriptId?: string | null | undefined },
): Promise<void> {
  if (refs.ownerAccountId !== undefined) {
    const account = await db
      .selectFrom('channel_accounts')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', refs.ownerAccountId)
      .executeTakeFirst();
    if (!account) throw new AppError('VALIDATION', `unknown owner account ${refs.ownerAccountId}`);
  }
  if (refs.welcomeScriptId) {
    const script = await db
      .selectFrom('scripts')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', refs.welcomeScriptId)
      .executeTakeFirst();
    if (!script) throw new AppError('VALIDATION', `unknown welcome script ${refs.welcomeScriptId}`);
  }
}

export async function createCommunity(
  db: Db,
  workspaceId: string,
  raw: CommunityInput,
  ctx: { actor: string; now: Date },
): Promise<CommunityView> {
  const input = CommunityInput.parse(raw);
  await checkCommunityRefs(db, workspaceId, input);
  if (input.type === 'tier_group' && input.tier === null)
    throw new AppError('VALIDATION', 'a tier_group community needs a tier');
  const taken = await db
    .selectFrom('communities')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('name', '=', input.name)
    .executeTakeFirst();
  if (taken) throw new AppError('CONFLICT', `a community named "${input.name}" exists`);
  const at = ctx.now.toISOString();
  const id = newId('com', ctx.now);
  await db.transaction().execute(async (trx) => {
    const row = {
      id,
      workspace_id: workspaceId,
      name: input.name,
      type: input.type,
      tags: JSON.stringify([...new Set(input.tags)]),
      owner_account_id: input.ownerAccountId,
      capacity: input.capacity,
      welcome_script_id: input.welcomeScriptId,
      tier: input.tier,
      created_at: at,
      updated_at: at,
    };
    await trx.insertInto('communities').values(row).execute();
    await openCommunityGroup(trx, row, 1, ctx.now);
    await recordAudit(trx, {
      workspaceId,
      actor: ctx.actor,
      action: 'community.create',
      target: id,
      details: { name: input.name, type: input.type },
      at: ctx.now,
    });
  });
  return getCommunity(db, workspaceId, id);
}
