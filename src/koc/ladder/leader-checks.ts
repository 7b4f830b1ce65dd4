// What the leader tier (代颜粉) asks of an iron fan: selling ability (orders in a window) and a community
// of their own (the group_leader role in one), as configured in the ladder settings.
import type { Db } from '../../platform/store/database.js';
import type { LadderSettings } from './ladder-settings.js';
import './ladder-tables.js';
import '../../audience/audience-tables.js';

export interface LeaderCheck {
  check: 'tier' | 'community' | 'orders';
  required: string | number | boolean;
  actual: string | number | boolean;
  pass: boolean;
}

export async function leaderChecks(
  db: Db,
  workspaceId: string,
  contactId: number,
  settings: LadderSettings,
  now: Date,
): Promise<LeaderCheck[]> {
  const tier = await db
    .selectFrom('contact_tiers')
    .select('tier')
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', contactId)
    .executeTakeFirst();
  const current = tier?.tier ?? 'passerby';
  const checks: LeaderCheck[] = [
    { check: 'tier', required: 'iron', actual: current, pass: current === 'iron' },
  ];
  if (settings.leader.requireCommunity) {
    const leads = await db
      .selectFrom('community_members')
      .select('community_id')
      .where('workspace_id', '=', workspaceId)
      .where('contact_id', '=', contactId)
      .where('role', '=', 'group_leader')
      .executeTakeFirst();
    checks.push({ check: 'community', required: true, actual: !!leads, pass: !!leads });
  }
  if (settings.leader.minOrders > 0) {
    const since = now.getTime() - settings.leader.withinDays * 86_400_000;
    const orders = await db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('contact_id', '=', contactId)
      .where('workspace_id', '=', workspaceId)
      .where('type', '=', 'order')
      .where('at', '>', since)
      .executeTakeFirstOrThrow();
    const n = Number(orders.n);
    checks.push({
      check: 'orders',
      required: settings.leader.minOrders,
      actual: n,
      pass: n >= settings.leader.minOrders,
    });
  }
  return checks;
}
