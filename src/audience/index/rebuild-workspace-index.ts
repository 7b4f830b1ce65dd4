// Builds one workspace's SegmentIndex from the store: live contacts in id order (keyset pages), their
// tags by id range of each page, then the workspace's events in seq order up to what the events cursor
// has covered. Bulk adds throughout, one runOptimize at the end.
import type { Db } from '../../platform/store/database.js';
import { SegmentIndex } from '../segments/segment-index.js';
import { contactPage, eventPage, newestContactId, tagNames, tagRange, tierRange } from './index-reads.js';
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
  const newest = await newestContactId(db, workspaceId);
  if (newest !== undefined) index.reserve(newest + 1);
  const names = await tagNames(db, workspaceId);
  const used = new Set<string>();
  const tiers = new Set<string>();
  let after = 0;
  for (;;) {
    const { ids, fields } = await contactPage(db, workspaceId, after, CONTACT_PAGE);
    if (ids.length === 0) break;
    index.upsertContacts(ids, fields);
    const lo = after + 1;
    after = ids[ids.length - 1]!;
    const byTag = new Map<string, number[]>();
    // The id range may hold other workspaces' (or erased) contacts: keep this page's only. When the page
    // is the whole range (the common case: one workspace's contacts imported together) every id is.
    const live = ids.length === after - lo + 1 ? null : new Set(ids);
    const tags = await tagRange(db, lo, after);
    for (let k = 0; k < tags.ids.length; k++) {
      const contactId = tags.ids[k]!;
      if (live && !live.has(contactId)) continue;
      const tagId = tags.tagIds[k]!;
      let name = names.get(tagId);
      if (name === undefined) {
        // A tag created since the names were read.
        for (const [id, n] of await tagNames(db, workspaceId)) names.set(id, n);
        name = names.get(tagId) ?? tagId;
      }
      const group = byTag.get(name);
      if (group) group.push(contactId);
      else byTag.set(name, [contactId]);
    }
    for (const [name, members] of byTag) {
      index.addLabelMany('tag', name, members);
      used.add(name);
    }
    const byTier = new Map<string, number[]>();
    for (const t of await tierRange(db, workspaceId, lo, after)) {
      if (live && !live.has(t.contact_id)) continue;
      const group = byTier.get(t.tier);
      if (group) group.push(t.contact_id);
      else byTier.set(t.tier, [t.contact_id]);
    }
    for (const [tier, members] of byTier) {
      index.addLabelMany('tier', tier, members);
      tiers.add(tier);
    }
    if (ids.length < CONTACT_PAGE) break;
  }
  await loadEvents(db, workspaceId, events, index);
  index.runOptimize();
  return { index, tagNames: used, tierNames: tiers };
}

async function loadEvents(db: Db, workspaceId: string, cursor: SeqCursor, index: SegmentIndex) {
  let after = 0;
  for (;;) {
    const page = await eventPage(db, workspaceId, after, cursor.high, EVENT_PAGE);
    for (const { type, seqs, ids, ats } of page.byType) {
      if (seqs.every((seq) => cursor.covers(seq))) index.addEvents(type, ats, ids);
      else {
        const keep = seqs.flatMap((seq, k) => (cursor.covers(seq) ? [k] : []));
        index.addEvents(
          type,
          keep.map((k) => ats[k]!),
          keep.map((k) => ids[k]!),
        );
      }
    }
    after = page.lastSeq;
    if (page.rows < EVENT_PAGE) return;
  }
}
