// Stored commission rules: one per (scope, value) in a workspace; saving again replaces its tiers.
import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Db } from '../../platform/store/database.js';
import { CommissionRuleInput, type CommissionRule, type CommissionTier } from './commission.js';
import '../roster/koc-tables.js';

export interface CommissionRuleView extends CommissionRule {
  id: string;
  createdAt: string;
}

export async function saveCommissionRule(
  db: Db,
  workspaceId: string,
  input: CommissionRuleInput,
  opts: { actor: string; now: Date },
): Promise<CommissionRuleView> {
  const r = CommissionRuleInput.parse(input);
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('commission_rules')
      .where('workspace_id', '=', workspaceId)
      .where('scope', '=', r.scope)
      .where('scope_value', '=', r.scopeValue)
      .execute();
    await trx
      .insertInto('commission_rules')
      .values({
        id: newId('com', opts.now),
        workspace_id: workspaceId,
        scope: r.scope,
        scope_value: r.scopeValue,
        tiers: JSON.stringify(r.tiers),
        created_at: opts.now.toISOString(),
      })
      .execute();
    await recordAudit(trx, {
      workspaceId,
      actor: opts.actor,
      action: 'commission.save',
      details: { ...r },
      at: opts.now,
    });
  });
  return (await listCommissionRules(db, workspaceId)).find(
    (x) => x.scope === r.scope && x.scopeValue === r.scopeValue,
  )!;
}

export async function listCommissionRules(db: Db, workspaceId: string): Promise<CommissionRuleView[]> {
  const rows = await db
    .selectFrom('commission_rules')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('scope')
    .orderBy('scope_value')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    scope: r.scope as CommissionRule['scope'],
    scopeValue: r.scope_value,
    tiers: JSON.parse(r.tiers) as CommissionTier[],
    createdAt: r.created_at,
  }));
}

export async function deleteCommissionRule(db: Db, workspaceId: string, id: string): Promise<void> {
  const r = await db
    .deleteFrom('commission_rules')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(r.numDeletedRows) === 0) throw new AppError('NOT_FOUND', `commission rule "${id}" not found`);
}
