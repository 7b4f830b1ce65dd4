// Per-code figures: scans (simulator scans; WeCom does not report scans), adds, fans still attributed to
// the code's KOC, and retention — of the fans acquired at least 7 / 30 days ago, how many the account
// still reaches (a friend code) or the code's groups still hold (a group code).
import { sql } from 'kysely';
import type { Db } from '../../platform/store/database.js';
import { findCodeRow } from './code-view.js';
import '../channel-tables.js';
import '../../audience/audience-tables.js';

const DAY = 86_400_000;

export interface Retention {
  eligible: number;
  retained: number;
  rate: number | null;
}

export interface CodeStats {
  codeId: string;
  scans: number;
  adds: number;
  attributed: number;
  groups: { groupId: string; members: number }[];
  retention: { d7: Retention; d30: Retention };
}

export async function codeStats(db: Db, workspaceId: string, id: string, now: Date): Promise<CodeStats> {
  const code = await findCodeRow(db, workspaceId, id);
  const fans = await db
    .selectFrom('acquisition_fans')
    .innerJoin('contacts', 'contacts.id', 'acquisition_fans.contact_id')
    .select([
      'acquisition_fans.contact_id',
      'acquisition_fans.account_id',
      'acquired_at',
      'contacts.owner_koc_id',
    ])
    .where('code_id', '=', id)
    .execute();
  const groups = await db
    .selectFrom('acquisition_code_groups')
    .leftJoin('channel_group_members', 'channel_group_members.group_id', 'acquisition_code_groups.group_id')
    .select([
      'acquisition_code_groups.group_id',
      sql<number>`count(channel_group_members.contact_id)`.as('n'),
    ])
    .where('code_id', '=', id)
    .groupBy(['acquisition_code_groups.group_id', 'acquisition_code_groups.position'])
    .orderBy('acquisition_code_groups.position')
    .execute();
  const still = new Set<string>();
  if (fans.length > 0) {
    const contactIds = [...new Set(fans.map((f) => Number(f.contact_id)))];
    if (code.kind === 'group') {
      const rows = await db
        .selectFrom('channel_group_members')
        .select('contact_id')
        .where('group_id', 'in', groups.length ? groups.map((g) => g.group_id) : [''])
        .where('contact_id', 'in', contactIds)
        .execute();
      for (const r of rows) still.add(`*:${r.contact_id}`);
    } else {
      const rows = await db
        .selectFrom('channel_contacts')
        .select(['account_id', 'contact_id'])
        .where('contact_id', 'in', contactIds)
        .where('workspace_id', '=', workspaceId)
        .execute();
      for (const r of rows) still.add(`${r.account_id}:${r.contact_id}`);
    }
  }
  const retention = (days: number): Retention => {
    const eligible = fans.filter((f) => Date.parse(f.acquired_at) <= now.getTime() - days * DAY);
    const retained = eligible.filter((f) =>
      code.kind === 'group' ? still.has(`*:${f.contact_id}`) : still.has(`${f.account_id}:${f.contact_id}`),
    ).length;
    return { eligible: eligible.length, retained, rate: eligible.length ? retained / eligible.length : null };
  };
  return {
    codeId: id,
    scans: code.scans,
    adds: fans.length,
    attributed: code.koc_id ? fans.filter((f) => f.owner_koc_id === code.koc_id).length : 0,
    groups: groups.map((g) => ({ groupId: g.group_id, members: Number(g.n) })),
    retention: { d7: retention(7), d30: retention(30) },
  };
}
