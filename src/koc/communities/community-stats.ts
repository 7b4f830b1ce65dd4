// A community's health per group over a window: members, interacting members (members with at least one
// like/comment/share/message in the window, anywhere), the interaction rate (互动率 = interacting /
// members) and daily activity (`message` events whose props.groupId is the group, per UTC day).
import { sql } from 'kysely';
import { dialectOf } from '../../platform/store/dialect-of.js';
import { inEventWeeks } from '../../audience/events/event-weeks.js';
import type { Db } from '../../platform/store/database.js';
import { communityGroups, findCommunity } from './community-view.js';

const DAY_MS = 86_400_000;
export const INTERACTION_TYPES = ['like', 'comment', 'share', 'message'] as const;

export interface GroupStats {
  groupId: string;
  name: string;
  members: number;
  interacting: number;
  interactionRate: number;
  daily: { day: string; messages: number }[];
}

export async function communityStats(
  db: Db,
  workspaceId: string,
  communityId: string,
  opts: { days: number; now: Date },
): Promise<{
  communityId: string;
  days: number;
  members: number;
  interacting: number;
  interactionRate: number;
  groups: GroupStats[];
}> {
  await findCommunity(db, workspaceId, communityId);
  const until = opts.now.getTime();
  const since = until - opts.days * DAY_MS;
  const groupProp =
    dialectOf(db) === 'postgres' ? sql`(props::jsonb ->> 'groupId')` : sql`json_extract(props, '$.groupId')`;
  const types = sql.join(INTERACTION_TYPES.map((t) => sql`${t}`));
  const groups: GroupStats[] = [];
  for (const g of await communityGroups(db, [communityId])) {
    const interacting = await sql<{ n: number | string }>`SELECT count(DISTINCT e.contact_id) AS n
      FROM community_members m JOIN events e ON e.contact_id = m.contact_id
      WHERE m.group_id = ${g.group_id} AND ${inEventWeeks(since, until, 'e')}
        AND e.workspace_id = ${workspaceId} AND e.type IN (${types})
        AND e.at > ${since} AND e.at <= ${until}`.execute(db);
    const daily = await sql<{
      d: number | string;
      n: number | string;
    }>`SELECT at / ${sql.lit(DAY_MS)} AS d, count(*) AS n
      FROM events WHERE workspace_id = ${workspaceId} AND type = 'message' AND at > ${since} AND at <= ${until}
        AND ${groupProp} = ${g.group_id}
      GROUP BY 1 ORDER BY 1`.execute(db);
    const members = Number(g.members ?? 0);
    const n = Number(interacting.rows[0]?.n ?? 0);
    groups.push({
      groupId: g.group_id,
      name: g.name,
      members,
      interacting: n,
      interactionRate: members === 0 ? 0 : n / members,
      daily: daily.rows.map((r) => ({
        day: new Date(Number(r.d) * DAY_MS).toISOString().slice(0, 10),
        messages: Number(r.n),
      })),
    });
  }
  const members = groups.reduce((s, g) => s + g.members, 0);
  const interacting = groups.reduce((s, g) => s + g.interacting, 0);
  return {
    communityId,
    days: opts.days,
    members,
    interacting,
    interactionRate: members === 0 ? 0 : interacting / members,
    groups,
  };
}
