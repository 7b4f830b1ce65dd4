// How many fans are on each tier now (contacts not yet placed by an evaluation count as passerby), of the
// whole workspace or of one KOC's fan pool.
import type { Db } from '../../platform/store/database.js';
import { TIERS, type Tier } from './ladder-settings.js';
import '../../audience/audience-tables.js';
import './ladder-tables.js';

export async function tierCounts(
  db: Db,
  workspaceId: string,
  opts: { kocId?: string | undefined } = {},
): Promise<{ tier: Tier; count: number }[]> {
  let placedQ = db
    .selectFrom('contact_tiers as t')
    .innerJoin('contacts as c', 'c.id', 't.contact_id')
    .select((eb) => ['t.tier', eb.fn.countAll<number>().as('n')])
    .where('t.workspace_id', '=', workspaceId)
    .where('c.erased_at', 'is', null)
    .where('c.merged_into', 'is', null);
  let liveQ = db
    .selectFrom('contacts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('erased_at', 'is', null)
    .where('merged_into', 'is', null);
  if (opts.kocId !== undefined) {
    placedQ = placedQ.where('c.owner_koc_id', '=', opts.kocId);
    liveQ = liveQ.where('owner_koc_id', '=', opts.kocId);
  }
  const rows = await placedQ.groupBy('t.tier').execute();
  const live = await liveQ.executeTakeFirstOrThrow();
  const by = new Map(rows.map((r) => [r.tier, Number(r.n)]));
  const placed = [...by.values()].reduce((s, n) => s + n, 0);
  return TIERS.map((tier) => ({
    tier,
    count: (by.get(tier) ?? 0) + (tier === 'passerby' ? Math.max(0, Number(live.n) - placed) : 0),
  }));
}
