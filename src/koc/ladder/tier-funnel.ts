// The funnel over time: moves between tiers (from → to) per UTC day or ISO week (starting Monday), read
// from tier_history; of the whole workspace or of one KOC's fan pool.
import { sql } from 'kysely';
import type { Db } from '../../platform/store/database.js';
import './ladder-tables.js';
import '../../audience/audience-tables.js';

export interface FunnelRow {
  period: string;
  from: string | null;
  to: string;
  count: number;
}

export async function tierFunnel(
  db: Db,
  workspaceId: string,
  opts: { from: Date; to: Date; interval: 'day' | 'week'; kocId?: string | undefined },
): Promise<FunnelRow[]> {
  const day = sql<string>`substr(at, 1, 10)`;
  let q = db
    .selectFrom('tier_history')
    .select((eb) => [day.as('day'), 'from_tier', 'to_tier', eb.fn.countAll<number>().as('n')])
    .where('workspace_id', '=', workspaceId)
    .where('at', '>=', opts.from.toISOString())
    .where('at', '<', opts.to.toISOString());
  const kocId = opts.kocId;
  if (kocId !== undefined) {
    q = q.where('contact_id', 'in', (eb) =>
      eb
        .selectFrom('contacts')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('owner_koc_id', '=', kocId),
    );
  }
  const rows = await q.groupBy([day, 'from_tier', 'to_tier']).execute();
  const out = new Map<string, FunnelRow>();
  for (const r of rows) {
    const period = opts.interval === 'day' ? r.day : weekStart(r.day);
    const key = `${period}|${r.from_tier}|${r.to_tier}`;
    const row = out.get(key);
    if (row) row.count += Number(r.n);
    else out.set(key, { period, from: r.from_tier, to: r.to_tier, count: Number(r.n) });
  }
  return [...out.values()].sort(
    (a, b) => a.period.localeCompare(b.period) || `${a.from}>${a.to}`.localeCompare(`${b.from}>${b.to}`),
  );
}

/** The Monday of the ISO week holding this UTC day. */
function weekStart(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}
