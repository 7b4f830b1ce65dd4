// A group leader's page: its KOC profile, its fans (count, newest, by city) and the commission rules that
// apply to it. Orders and earned commission are not here: commerce lands later.
import { sql } from 'kysely';
import type { Db } from '../../platform/store/database.js';
import { getKoc } from '../roster/get-koc.js';
import type { KocView } from '../roster/koc-view.js';
import { listCommissionRules, type CommissionRuleView } from './commission-rules.js';
import { hasTable } from './leader-requirements.js';
import { listLeaders, type LeaderView } from './leaders.js';
import { AppError } from '../../platform/errors.js';

export interface LeaderPage {
  leader: LeaderView;
  koc: KocView;
  fans: { total: number; newContactsLast30Days: number; byCity: { city: string | null; count: number }[] };
  commissionRules: CommissionRuleView[];
  /** Communities run from the leader's staff/robot account; present once communities are installed. */
  communities?: { count: number; members: number };
}

export async function leaderPage(
  db: Db,
  workspaceId: string,
  kocId: string,
  now: Date,
  seesPii: boolean,
): Promise<LeaderPage> {
  const [leader] = await listLeaders(db, workspaceId, { kocId, status: 'approved' });
  if (!leader) throw new AppError('NOT_FOUND', 'this KOC is not a group leader', { koc: kocId });
  const { koc } = await getKoc(db, workspaceId, kocId, seesPii);
  const fans = db
    .selectFrom('contacts')
    .where('workspace_id', '=', workspaceId)
    .where('owner_koc_id', '=', kocId)
    .where('erased_at', 'is', null)
    .where('merged_into', 'is', null);
  const since = new Date(now.getTime() - 30 * 86_400_000).toISOString();
  const recent = await fans
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  const byCity = await fans
    .select(['city', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('city')
    .orderBy('n', 'desc')
    .orderBy('city')
    .limit(10)
    .execute();
  return {
    leader,
    koc,
    fans: {
      total: koc.fans,
      newContactsLast30Days: Number(recent.n),
      byCity: byCity.map((c) => ({ city: c.city, count: Number(c.n) })),
    },
    commissionRules: await listCommissionRules(db, workspaceId),
    ...(await communityStats(db, workspaceId, koc.accountId)),
  };
}

async function communityStats(db: Db, workspaceId: string, accountId: string | null) {
  if (!(await hasTable(db, 'communities'))) return {};
  const r = await sql<{ count: number; members: number }>`select count(distinct c.id) as count,
      count(m.contact_id) as members
    from communities c left join community_members m on m.community_id = c.id
    where c.workspace_id = ${workspaceId} and c.owner_account_id = ${accountId ?? ''}`.execute(db);
  const row = r.rows[0];
  return { communities: { count: Number(row?.count ?? 0), members: Number(row?.members ?? 0) } };
}
