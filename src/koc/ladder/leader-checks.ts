// What the leader tier (代颜粉) asks of an iron fan: selling ability (orders in a window) and a community
// of their own (the group_leader role in one), as configured in the ladder settings. A fan who is a KOC
// (kocs.contact_id) also answers the group leader requirements on its KOC's figures, since approving
// its application makes that KOC a group leader (团长) too.
import type { Db } from '../../platform/store/database.js';
import { filterOnly } from '../../platform/store/scan-hints.js';
import { inEventWeeksSince } from '../../audience/events/event-weeks.js';
import { assessLeader } from '../leaders/leader-requirements.js';
import type { LadderSettings } from './ladder-settings.js';
import './ladder-tables.js';
import '../../audience/audience-tables.js';
import '../roster/koc-tables.js';

export interface LeaderCheck {
  check: 'tier' | 'community' | 'orders' | 'fans' | 'avgReads' | 'interactionRate';
  required: string | number | boolean;
  actual: string | number | boolean;
  pass: boolean;
}

/** The KOC a fan is (not removed), if any: the one that becomes a group leader on approval. */
export async function kocOfContact(
  db: Db,
  workspaceId: string,
  contactId: number,
): Promise<{ id: string; name: string } | undefined> {
  return db
    .selectFrom('kocs')
    .select(['id', 'name'])
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', contactId)
    .where('status', '!=', 'removed')
    .orderBy('id')
    .executeTakeFirst();
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
  // A fan already on the leader tier may still apply: its KOC (linked since) becomes a group leader.
  const checks: LeaderCheck[] = [
    { check: 'tier', required: 'iron', actual: current, pass: current === 'iron' || current === 'leader' },
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
      .where(await inEventWeeksSince(db, since))
      .where('contact_id', '=', contactId)
      .where(filterOnly('workspace_id'), '=', workspaceId)
      .where(filterOnly('type'), '=', 'order')
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
  const koc = await kocOfContact(db, workspaceId, contactId);
  if (koc) {
    for (const v of await assessLeader(db, workspaceId, koc.id)) {
      checks.push({ check: v.rule, required: v.required, actual: v.actual, pass: v.pass });
    }
  }
  return checks;
}
