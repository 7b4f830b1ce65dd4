import type { Db } from '../../platform/store/database.js';
import { decodeCursor, encodeCursor } from '../../platform/pagination.js';
import { findContact, toContactView, type ContactView, type Viewer } from './contact-view.js';
import { filterOnly } from '../../platform/store/scan-hints.js';
import { inAllEventWeeks } from '../events/event-weeks.js';

export interface ContactTag {
  id: string;
  name: string;
  groupId: string | null;
  addedAt: string;
  addedBy: string;
}

export interface TimelineEvent {
  id: string;
  type: string;
  /** ISO-8601 UTC. */
  at: string;
  source: { kind: string; id: string } | null;
  props: Record<string, unknown>;
}

export interface ContactDetail {
  contact: ContactView;
  tags: ContactTag[];
  events: { items: TimelineEvent[]; nextCursor: string | null };
}

/** A contact with its tags and one page of its events timeline, newest first. */
export async function getContact(
  db: Db,
  workspaceId: string,
  id: number,
  opts: { viewer: Viewer; eventsCursor?: string | undefined; eventsLimit?: number },
): Promise<ContactDetail> {
  const row = await findContact(db, workspaceId, id, opts.viewer);
  const tags = await db
    .selectFrom('contact_tags as ct')
    .innerJoin('tags as t', 't.id', 'ct.tag_id')
    .select(['t.id', 't.name', 't.group_id', 'ct.added_at', 'ct.added_by'])
    .where('ct.contact_id', '=', id)
    .where('ct.workspace_id', '=', workspaceId)
    .orderBy('t.name')
    .execute();
  const limit = opts.eventsLimit ?? 50;
  let q = db
    .selectFrom('events')
    .select(['seq', 'event_id', 'type', 'at', 'source_kind', 'source_id', 'props'])
    .where(filterOnly('workspace_id'), '=', workspaceId)
    .where(await inAllEventWeeks(db))
    .where('contact_id', '=', id)
    .orderBy('at', 'desc')
    .orderBy('seq', 'desc')
    .limit(limit + 1);
  if (opts.eventsCursor) {
    const [at, seq] = decodeCursor(opts.eventsCursor, 2) as [number, number];
    q = q.where((eb) => eb.or([eb('at', '<', at), eb.and([eb('at', '=', at), eb('seq', '<', seq)])]));
  }
  const events = await q.execute();
  const page = events.slice(0, limit);
  const last = page.at(-1);
  return {
    contact: toContactView(row, opts.viewer),
    tags: tags.map((t) => ({
      id: t.id,
      name: t.name,
      groupId: t.group_id,
      addedAt: t.added_at,
      addedBy: t.added_by,
    })),
    events: {
      items: page.map((e) => ({
        id: e.event_id,
        type: e.type,
        at: new Date(e.at).toISOString(),
        source: e.source_kind && e.source_id ? { kind: e.source_kind, id: e.source_id } : null,
        props: JSON.parse(e.props) as Record<string, unknown>,
      })),
      nextCursor: events.length > limit && last ? encodeCursor([last.at, last.seq]) : null,
    },
  };
}
