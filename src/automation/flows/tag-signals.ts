// Tag added/removed triggers: the tag writer's in-transaction hook records a signal row when the
// workspace has an active tag-triggered flow; the engine consumes the signals (and deletes them) in order.
import { onTagsChanged } from '../../audience/tags/on-tags-changed.js';
import type { Db } from '../../platform/store/database.js';
import './flow-tables.js';

const CHUNK = 5000;

onTagsChanged(async (trx, change) => {
  const flow = await trx
    .selectFrom('flows')
    .select('id')
    .where('workspace_id', '=', change.workspaceId)
    .where('status', '=', 'active')
    .where('trigger_kind', '=', change.action === 'added' ? 'tag_added' : 'tag_removed')
    .limit(1)
    .executeTakeFirst();
  if (!flow) return;
  const at = change.now.toISOString();
  const kind = `tag_${change.action}`;
  const rows = change.contactIds.flatMap((contact_id) =>
    change.tagIds.map((tag_id) => ({ workspace_id: change.workspaceId, contact_id, kind, tag_id, at })),
  );
  for (let i = 0; i < rows.length; i += CHUNK)
    await trx
      .insertInto('flow_signals')
      .values(rows.slice(i, i + CHUNK))
      .execute();
});

export interface TagSignal {
  seq: number;
  contactId: number;
  kind: string;
  tagId: string;
  at: string;
}

export async function readTagSignals(db: Db, workspaceId: string, limit: number): Promise<TagSignal[]> {
  const rows = await db
    .selectFrom('flow_signals')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    seq: Number(r.seq),
    contactId: Number(r.contact_id),
    kind: r.kind,
    tagId: r.tag_id,
    at: r.at,
  }));
}

export async function deleteTagSignals(db: Db, seqs: readonly number[]): Promise<void> {
  for (let i = 0; i < seqs.length; i += CHUNK)
    await db
      .deleteFrom('flow_signals')
      .where('seq', 'in', seqs.slice(i, i + CHUNK))
      .execute();
}
