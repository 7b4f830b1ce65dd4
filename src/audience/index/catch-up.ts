// Brings the loaded workspace indexes up to date with the store: the change feed (audience_changes: reload
// those contacts' fields and tags, or remove them) and new events, each read past its SeqCursor. Every
// process runs this against the shared store before each read, which is how several servers and workers
// each keep their own index current without talking to each other.
import type { Db } from '../../platform/store/database.js';
import { contactsByIds, feedPage, tagNamesOfContacts, tiersOfContacts, toFields } from './index-reads.js';
import type { FeedRow } from './index-reads.js';
import type { WorkspaceIndex } from './rebuild-workspace-index.js';
import type { SeqCursor } from './seq-cursor.js';

const FEED_PAGE = 10_000;
const RELOAD_CHUNK = 1_000;
/** Past this many changed contacts in one catch-up, rebuilding the workspace is cheaper. */
export const REBUILD_BACKLOG = 50_000;

export interface IndexState {
  events: SeqCursor;
  changes: SeqCursor;
  workspaces: Map<string, WorkspaceIndex>;
}

/** Events this process has just committed, in seq order, and the seq the table held before them. */
export interface KnownEvents {
  priorSeq: number;
  rows: readonly FeedRow[];
}

/**
 * With `known` (events this process wrote), the changes and then those events only, applied without
 * reading them back when every event before them has been read (otherwise the feed brings them later).
 */
export async function catchUp(db: Db, state: IndexState, known?: KnownEvents): Promise<void> {
  const changed = new Map<string, Map<number, string>>();
  await readFeed(db, 'audience_changes', state.changes, (rows) => {
    for (const row of rows) {
      if (!state.workspaces.has(row.workspace_id)) continue;
      let byContact = changed.get(row.workspace_id);
      if (!byContact) changed.set(row.workspace_id, (byContact = new Map()));
      // An erasure is final: a later 'contact' row for the same contact does not revive it.
      if (byContact.get(row.contact_id) !== 'erase') byContact.set(row.contact_id, row.type);
    }
  });
  for (const [workspaceId, byContact] of changed) {
    if (byContact.size > REBUILD_BACKLOG) state.workspaces.delete(workspaceId);
    else await reloadContacts(db, state.workspaces.get(workspaceId)!, byContact);
  }
  if (known) {
    if (state.events.high === known.priorSeq) {
      addEvents(state, known.rows);
      state.events.accept(known.rows.map((r) => r.seq));
    }
    // Anything else is read by the next catch-up, before the next read.
    return;
  }
  await readFeed(db, 'events', state.events, (rows) => addEvents(state, rows));
}

/** Added in bulk per workspace and type: a page of 10,000 events is a few dozen bitmap updates. */
function addEvents(state: IndexState, rows: readonly FeedRow[]): void {
  type Group = { ats: number[]; ids: number[] };
  const byWorkspace = new Map<string, Map<string, Group> | null>();
  for (const row of rows) {
    let byType = byWorkspace.get(row.workspace_id);
    if (byType === undefined)
      byWorkspace.set(row.workspace_id, (byType = state.workspaces.has(row.workspace_id) ? new Map() : null));
    if (byType === null) continue;
    let g = byType.get(row.type);
    if (!g) byType.set(row.type, (g = { ats: [], ids: [] }));
    g.ats.push(row.at);
    g.ids.push(row.contact_id);
  }
  for (const [workspaceId, byType] of byWorkspace) {
    const index = byType && state.workspaces.get(workspaceId)!.index;
    if (index) for (const [type, g] of byType) index.addEvents(type, g.ats, g.ids);
  }
}

async function readFeed(
  db: Db,
  table: 'events' | 'audience_changes',
  cursor: SeqCursor,
  visit: (rows: readonly FeedRow[]) => void,
): Promise<void> {
  for (;;) {
    const rows = await feedPage(db, table, cursor.high, cursor.gaps(), FEED_PAGE);
    // Rows inside a gap are new to us, and rows past `high` are too: each is visited once.
    visit(rows);
    cursor.accept(rows.map((r) => r.seq));
    if (rows.length < FEED_PAGE) return;
  }
}

async function reloadContacts(db: Db, ws: WorkspaceIndex, byContact: Map<number, string>): Promise<void> {
  const ids = [...byContact.keys()];
  for (let i = 0; i < ids.length; i += RELOAD_CHUNK) {
    const chunk = ids.slice(i, i + RELOAD_CHUNK);
    const rows = new Map((await contactsByIds(db, chunk)).map((r) => [r.id, r]));
    const tags = new Map<number, Set<string>>();
    for (const t of await tagNamesOfContacts(db, chunk)) {
      const set = tags.get(t.contact_id);
      if (set) set.add(t.name);
      else tags.set(t.contact_id, new Set([t.name]));
    }
    const tiers = await tiersOfContacts(db, chunk);
    for (const id of chunk) {
      const row = rows.get(id);
      if (byContact.get(id) === 'erase' || !row || row.erased_at !== null || row.merged_into !== null) {
        ws.index.removeContact(id);
        continue;
      }
      ws.index.upsertContact(id, toFields(row));
      const current = tags.get(id) ?? new Set<string>();
      for (const name of ws.tagNames) if (!current.has(name)) ws.index.removeLabel('tag', name, id);
      for (const name of current) {
        ws.index.addLabel('tag', name, id);
        ws.tagNames.add(name);
      }
      const tier = tiers.get(id);
      for (const name of ws.tierNames) if (name !== tier) ws.index.removeLabel('tier', name, id);
      if (tier !== undefined) {
        ws.index.addLabel('tier', tier, id);
        ws.tierNames.add(tier);
      }
    }
  }
}
