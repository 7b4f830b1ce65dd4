// Who may be (and stay) in a flow: its audience segment (tags, tiers `tier:iron`, events…) through the
// audience index's bitmaps, and its community's current members.
import { audienceIndexFor } from '../../audience/index/audience-index.js';
import type { Store } from '../../platform/store/open-store.js';
import type { FlowDefinition } from './flow-definition.js';
import '../../channels/channel-tables.js';

export interface AudienceFilter {
  has(contactId: number): boolean;
}

/** Null when the flow has no audience restriction. */
export async function audienceFilter(
  store: Store,
  workspaceId: string,
  def: FlowDefinition,
  now: Date,
): Promise<AudienceFilter | null> {
  if (!def.audience && !def.community) return null;
  const bitmap = def.audience
    ? await audienceIndexFor(store).bitmap(workspaceId, def.audience, { at: now })
    : null;
  let members: Set<number> | null = null;
  if (def.community) {
    const rows = await store.db
      .selectFrom('channel_group_members')
      .select('contact_id')
      .where('group_id', '=', def.community)
      .execute();
    members = new Set(rows.map((r) => Number(r.contact_id)));
  }
  return { has: (id) => (bitmap ? bitmap.has(id) : true) && (members ? members.has(id) : true) };
}

/** Every contact of the flow's audience (date and cron triggers enroll them all). */
export async function audienceMembers(
  store: Store,
  workspaceId: string,
  def: FlowDefinition,
  now: Date,
): Promise<number[]> {
  if (def.audience) {
    const all = [...(await audienceIndexFor(store).bitmap(workspaceId, def.audience, { at: now })).toArray()];
    if (!def.community) return all;
    const f = await audienceFilter(store, workspaceId, { ...def, audience: undefined }, now);
    return all.filter((id) => f!.has(id));
  }
  if (!def.community) return [];
  const rows = await store.db
    .selectFrom('channel_group_members')
    .select('contact_id')
    .where('group_id', '=', def.community)
    .orderBy('contact_id')
    .execute();
  return rows.map((r) => Number(r.contact_id));
}
