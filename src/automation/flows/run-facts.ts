// What the engine reads about a batch's contacts: who still exists (not erased or merged away), who opted
// out (dispatch's opt_outs), their names for rendering, and the events branch steps look at.
import { sql } from 'kysely';
import type { Db } from '../../platform/store/database.js';
import type { Store } from '../../platform/store/open-store.js';
import { inIdList } from '../../platform/store/id-list.js';
import { filterOnly } from '../../platform/store/scan-hints.js';
import { inEventWeeks } from '../../audience/events/event-weeks.js';
import { propsMatch } from './flow-definition.js';
import type { LiveFlow } from './live-flows.js';
import { parseDuration } from './schedule.js';
import '../../audience/audience-tables.js';
import '../dispatch/dispatch-tables.js';

export interface ContactFacts {
  name: string | null;
  city: string | null;
  optedOut: boolean;
}

const CHUNK = 5000;

/**
 * Read through the store's bulk reader (on SQLite, the worker thread's connection: committed data, read
 * while this thread goes on), so an enrolment can read its next chunk's facts while it writes this one.
 */
export async function contactFacts(
  store: Pick<Store, 'db' | 'bulkRead'>,
  workspaceId: string,
  ids: readonly number[],
): Promise<Map<number, ContactFacts>> {
  const { db } = store;
  const out = new Map<number, ContactFacts>();
  const unique = [...new Set(ids)];
  if (unique.length === 0) return out;
  const [rows, opted] = await Promise.all([
    store.bulkRead<{ id: number | string; name: string | null; city: string | null }>(
      db
        .selectFrom('contacts')
        .select(['id', 'name', 'city'])
        .where('workspace_id', '=', workspaceId)
        .where(inIdList(db, sql`id`, unique))
        .where('erased_at', 'is', null)
        .where('merged_into', 'is', null)
        .compile(),
    ),
    store.bulkRead<{ contact_id: number | string }>(
      db
        .selectFrom('opt_outs')
        .select('contact_id')
        .where('workspace_id', '=', workspaceId)
        .where(inIdList(db, sql`contact_id`, unique))
        .compile(),
    ),
  ]);
  for (const r of rows) out.set(Number(r.id), { name: r.name, city: r.city, optedOut: false });
  for (const o of opted) {
    const f = out.get(Number(o.contact_id));
    if (f) f.optedOut = true;
  }
  return out;
}

/** For each `ifEvent` branch step (by index): the contacts with a matching event in (now - within, now]. */
export async function eventsInWindows(
  db: Db,
  flow: LiveFlow,
  ids: readonly number[],
  now: Date,
): Promise<Map<number, Set<number>>> {
  const out = new Map<number, Set<number>>();
  if (!flow.def.steps.some((s) => s.type === 'branch' && s.ifEvent)) return out;
  const unique = [...new Set(ids)];
  for (const [i, step] of flow.def.steps.entries()) {
    if (step.type !== 'branch' || !step.ifEvent) continue;
    const want = step.ifEvent;
    const hit = new Set<number>();
    const from = now.getTime() - parseDuration(want.within)!;
    for (let c = 0; c < unique.length; c += CHUNK) {
      const rows = await db
        .selectFrom('events')
        .select(['contact_id', 'props'])
        .where(filterOnly('workspace_id'), '=', flow.workspaceId)
        .where(filterOnly('type'), '=', want.type)
        .where(inEventWeeks(from, now.getTime()))
        .where('contact_id', 'in', unique.slice(c, c + CHUNK))
        .where('at', '>', from)
        .where('at', '<=', now.getTime())
        .execute();
      for (const r of rows)
        if (propsMatch(want.props, JSON.parse(r.props) as Record<string, unknown>))
          hit.add(Number(r.contact_id));
    }
    out.set(i, hit);
  }
  return out;
}
