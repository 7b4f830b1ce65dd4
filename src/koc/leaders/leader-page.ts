// A group leader's page: its KOC profile, its fans (count, newest, by city) and the commission rules that
// apply to it. Orders and earned commission are not here: commerce lands later.
import type { Db } from '../../platform/store/database.js';
import { getKoc } from '../roster/get-koc.js';
import type { KocView } from '../roster/koc-view.js';
import { listCommissionRules, type CommissionRuleView } from './commission-rules.js';
import { listLeaders, type LeaderView } from './leaders.js';
import { AppError } from '../../platform/errors.js';

export interface LeaderPage {
  leader: LeaderView;
  koc: KocView;
  fans: { total: number; newContactsLast30Days: number; byCity: { city: string | null; count: number }[] };
  commissionRules: CommissionRuleView[];
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
  };
}
