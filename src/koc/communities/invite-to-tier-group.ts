// Fans promoted to a tier are invited to that tier's communities (type tier_group, linked to the tier):
// one direct touch each from the community's account, idempotent per promotion.
import { planTouches, type PlannedTouch } from '../../automation/dispatch/plan-touches.js';
import type { Db } from '../../platform/store/database.js';
import type { AppliedChange } from '../ladder/apply-tier-changes.js';
import { renderCommunityMessages } from './community-messages.js';
import '../ladder/ladder-tables.js';

export async function inviteToTierGroups(
  db: Db,
  workspaceId: string,
  promoted: readonly AppliedChange[],
  now: Date,
): Promise<number> {
  if (promoted.length === 0) return 0;
  const communities = await db
    .selectFrom('communities')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('type', '=', 'tier_group')
    .where('tier', 'in', [...new Set(promoted.map((c) => c.to))])
    .execute();
  const touches: PlannedTouch[] = [];
  for (const community of communities) {
    const fans = promoted.filter((c) => c.to === community.tier);
    const messages = await renderCommunityMessages(
      db,
      workspaceId,
      community,
      fans.map((c) => c.contactId),
      `恭喜升级！诚邀你加入「${community.name}」`,
    );
    for (const c of fans) {
      const m = messages.get(c.contactId);
      if (!m) continue;
      touches.push({
        workspaceId,
        idempotencyKey: `tier-invite:${community.id}:${c.seq}`,
        flowId: null,
        flowRunId: null,
        stepId: null,
        kind: 'direct',
        accountId: community.owner_account_id,
        contactId: c.contactId,
        groupId: null,
        scriptId: community.welcome_script_id,
        ...m,
        dueAt: now,
      });
    }
  }
  return touches.length === 0 ? 0 : (await planTouches(db, touches, now)).planned;
}
