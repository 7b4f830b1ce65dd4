// Lists a workspace's auto-reply rules in the order they are tried (priority, then age).
import type { Db } from '../../platform/store/database.js';
import { toRuleView, type RuleView } from './rule-view.js';

export async function listAutoReplyRules(
  db: Db,
  workspaceId: string,
  filter: { accountId?: string | undefined } = {},
): Promise<RuleView[]> {
  let q = db.selectFrom('auto_reply_rules').selectAll().where('workspace_id', '=', workspaceId);
  if (filter.accountId)
    q = q.where((eb) => eb.or([eb('account_id', '=', filter.accountId!), eb('account_id', 'is', null)]));
  const rows = await q.orderBy('priority', 'desc').orderBy('created_at').orderBy('id').execute();
  return rows.map(toRuleView);
}
