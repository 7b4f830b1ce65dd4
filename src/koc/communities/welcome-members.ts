// The welcome message (欢迎语) when fans join a community's group: one welcome touch per new member,
// planned for dispatch on the community's account (only when the community has a welcome script).
import { planTouches, type PlannedTouch } from '../../automation/dispatch/plan-touches.js';
import type { Db } from '../../platform/store/database.js';
import type { CommunityTable } from '../ladder/ladder-tables.js';
import { renderCommunityMessages } from './community-messages.js';

export async function welcomeMembers(
  db: Db,
  community: CommunityTable,
  joined: readonly { contactId: number; groupId: string }[],
  now: Date,
): Promise<number> {
  if (!community.welcome_script_id || joined.length === 0) return 0;
  const messages = await renderCommunityMessages(
    db,
    community.workspace_id,
    community,
    joined.map((j) => j.contactId),
    '',
  );
  const touches: PlannedTouch[] = [];
  for (const j of joined) {
    const m = messages.get(j.contactId);
    if (!m) continue;
    touches.push({
      workspaceId: community.workspace_id,
      idempotencyKey: `community-welcome:${community.id}:${j.groupId}:${j.contactId}:${now.getTime()}`,
      flowId: null,
      flowRunId: null,
      stepId: null,
      kind: 'welcome',
      accountId: community.owner_account_id,
      contactId: j.contactId,
      groupId: j.groupId,
      scriptId: community.welcome_script_id,
      ...m,
      dueAt: now,
    });
  }
  return (await planTouches(db, touches, now)).planned;
}
