// Builds one workspace's SegmentIndex from the store: live contacts in id order (keyset pages), their
// tags by id range of each page, then the workspace's events in seq order up to what the events cursor
// has covered. Bulk adds throughout, one runOptimize at the end.
import type { Db } from '../../platform/store/database.js';
import { SegmentIndex } from '../segments/segment-index.js';
import type { ContactFields } from '../segments/segment-index.js';
import { contactPage, eventPage, tagNames, tagRange, tierRange, toFields } from './index-reads.js';
import type { SeqCursor } from './seq-cursor.js';

const CONTACT_PAGE = 10_000;
const EVENT_PAGE = 50_000;

export interface WorkspaceIndex {
  index: SegmentIndex;
  /** Every tag name that ever labelled a contact here: what a reload must clear. */
  tagNames: Set<string>;
  /** Likewise for ladder tiers (`tier:iron`). */
  tierNames: Set<string>;
}

/**
 * `events` must not move while this runs (the caller holds the index's lock): events it covers are
 * loaded here, the rest are applied by the next catch-up, so each event is counted once.
 */
export async function rebuildWorkspaceIndex(
  db: Db,
  workspaceId: string,
  events: SeqCursor,
): Promise<WorkspaceIndex> {
  const index = new SegmentIndex();
  const names = await tagNames(db, workspaceId);
  const used = new Set<string>();
  const tiers = new Set<string>();
  let after = 0;
  for (;;) {
    const rows = await contactPage(db, workspaceId, after, CONTACT_PAGE);
    if (rows.length === 0) break;
    const ids = rows.map((r) => r.id);
    index.upsertContacts(ids, rows.map(toFields) satisfies ContactFields[]);
    const lo = after + 1;
    after = ids[ids.length - 1]!;
    const byTag = new Map<string, number[]>();
    // The id range may hold other workspaces' (or erased) contacts: keep this page's only.
    const live = new Set(ids);
    for (const t of await tagRange(db, lo, after)) {
      if (!live.has(t.contact_id)) continue;
      let name = names.get(t.tag_id);
      if (name === undefined) {
        // A tag created since the names were read.
        for (const [id, n] of await tagNames(db, workspaceId)) names.set(id, n);
        name = names.get(t.tag_id) ?? t.tag_id;
      }
      const group = byTag.get(name);
      if (group) group.push(t.contact_id);
      else byTag.set(name, [t.contact_id]);
    }
    for (const [name, members] of byTag) {
      index.addLabelMany('tag', name, members);
      used.add(name);
    }
    const byTier = new Map<string, number[]>();
    for (const t of await tierRange(db, workspaceId, lo, after)) {
      if (!live.has(t.contact_id)) continue;
      const group = byTier.get(t.tier);
      if (group) group.push(t.contact_id);
      else byTier.set(t.tier, [t.contact_id]);
    }
    for (const [tier, members] of byTier) {
      index.addLabelMany('tier', tier, members);
      tiers.add(tier);
    }
    if (rows.length < CONTACT_PAGE) break;
  }
  await loadEvents(db, workspaceId, events, index);
  index.runOptimize();
  return { index, tagNames: used, tierNames: tiers };
}

async function loadEvents(db: Db, workspaceId: string, cursor: SeqCursor, index: SegmentIndex) {
  let after = 0;
  for (;;) {
    const rows = await eventPage(db, workspaceId, after, cursor.high, EVENT_PAGE);
    if (rows.length === 0) return;
    const byType = new Map<string, { ats: number[]; ids: number[] }>();
    for (const e of rows) {
      if (!cursor.covers(e.seq)) continue;
      let group = byType.get(e.type);
      if (!group) byType.set(e.type, (group = { ats: [], ids: [] }));
      group.ats.push(Number(e.at));
      group.ids.push(e.contact_id);
    }
    for (const [type, g] of byType) index.addEvents(type, g.ats, g.ids);
    after = rows[rows.length - 1]!.seq;
    if (rows.length < EVENT_PAGE) return;
  }
}
