// Builds one workspace's SegmentIndex from the store: live contacts in id order (keyset pages), their
// tags and tiers by id range of each page, then the workspace's events in seq order up to what the events
// cursor has covered. Each next page is asked for before the current one is built (rebuild-pages.ts),
// bulk adds throughout, one runOptimize at the end.
import { SegmentIndex } from '../segments/segment-index.js';
import { tagNames, tierRange } from './index-reads.js';
import {
  newestContactId,
  parseContactPage,
  parseEventGroup,
  parseTagRange,
  readContactPage,
  readEventPage,
  readTagRange,
  type PageStore,
} from './rebuild-pages.js';
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
  store: PageStore,
  workspaceId: string,
  events: SeqCursor,
): Promise<WorkspaceIndex> {
  const { db } = store;
  const index = new SegmentIndex();
  const newest = await newestContactId(store, workspaceId);
  if (newest !== undefined) index.reserve(newest + 1);
  const names = await tagNames(db, workspaceId);
  const used = new Set<string>();
  const tiers = new Set<string>();
  let after = 0;
  let next = prefetch(readContactPage(store, workspaceId, after, CONTACT_PAGE));
  for (;;) {
    const raw = await next;
    if (raw.n === 0) break;
    const lo = after + 1;
    after = raw.last;
    const full = raw.n === CONTACT_PAGE;
    // Queued in this order, the page's tags are ready first and the next page is read meanwhile.
    const tagsRead = prefetch(readTagRange(store, lo, after));
    if (full) next = prefetch(readContactPage(store, workspaceId, after, CONTACT_PAGE));
    const { ids, fields } = parseContactPage(raw);
    index.upsertContacts(ids, fields);
    const byTag = new Map<string, number[]>();
    // The id range may hold other workspaces' (or erased) contacts: keep this page's only. When the page
    // is the whole range (the common case: one workspace's contacts imported together) every id is.
    const live = ids.length === after - lo + 1 ? null : new Set(ids);
    const tags = parseTagRange(await tagsRead);
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
    if (!full) break;
  }
  await loadEvents(store, workspaceId, events, index);
  index.runOptimize();
  return { index, tagNames: used, tierNames: tiers };
}

async function loadEvents(store: PageStore, workspaceId: string, cursor: SeqCursor, index: SegmentIndex) {
  let next = prefetch(readEventPage(store, workspaceId, 0, cursor.high, EVENT_PAGE));
  for (;;) {
    const page = await next;
    const full = page.n === EVENT_PAGE;
    if (full) next = prefetch(readEventPage(store, workspaceId, page.last, cursor.high, EVENT_PAGE));
    for (const group of page.groups) {
      const { seqs, ids, ats } = parseEventGroup(group);
      if (seqs.every((seq) => cursor.covers(seq))) index.addEvents(group.type, ats, ids);
      else {
        const keep = seqs.flatMap((seq, k) => (cursor.covers(seq) ? [k] : []));
        index.addEvents(
          group.type,
          keep.map((k) => ats[k]!),
          keep.map((k) => ids[k]!),
        );
      }
    }
    if (!full) return;
  }
}

/** A read started ahead: if the rebuild fails before awaiting it, its own failure is not left unhandled. */
function prefetch<T>(read: Promise<T>): Promise<T> {
  read.catch(() => undefined);
  return read;
}
