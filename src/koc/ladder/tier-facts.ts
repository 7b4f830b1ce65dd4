// The facts the ladder's rules read, each as a roaring bitmap of contact ids computed by one aggregated
// query (never one query per contact): event counts in a window, tags, community membership, current tiers.
// Ids come back as one JSON array per query (src/platform/store/id-list.ts), not a row each.
// A scope limits every query to a contact id range (the sweep) or an id list (newly ingested events).
import { sql, type RawBuilder } from 'kysely';
import { RoaringBitmap32, type Bitmap } from '../../audience/segments/bitmap.js';
import type { Db } from '../../platform/store/database.js';
import { idListOf, parseIdList } from '../../platform/store/id-list.js';
import { filterOnly } from '../../platform/store/scan-hints.js';
import { inEventWeeks } from '../../audience/events/event-weeks.js';
import type { AtomCondition, Condition } from './ladder-settings.js';
import '../../audience/audience-tables.js';
import './ladder-tables.js';

const DAY_MS = 86_400_000;

type EventsCondition = Extract<AtomCondition, { kind: 'events' }>;
const ID_CHUNK = 5_000;

/** null = the whole workspace. */
export type Scope = { lo: number; hi: number } | { ids: readonly number[] } | null;

export class TierFacts {
  private readonly cache = new Map<string, Promise<Bitmap>>();
  private communities: Promise<{ id: string; type: string; tags: string[] }[]> | undefined;

  constructor(
    private readonly db: Db,
    private readonly workspaceId: string,
    private readonly scope: Scope,
    private readonly nowMs: number,
  ) {}

  /** Contacts matching a condition (an `any` is the union of its parts). */
  async matching(c: Condition): Promise<Bitmap> {
    if (c.kind === 'any') return RoaringBitmap32.orMany(await Promise.all(c.of.map((a) => this.atom(a))));
    return this.atom(c);
  }

  /**
   * Reads the contacts for every events condition among these (in `any`s too) in one pass over the events,
   * so that `matching` finds them loaded: rules mostly count the same interactions over different windows.
   */
  preloadEvents(conditions: readonly Condition[]): void {
    const fresh = new Map<string, EventsCondition>();
    const visit = (c: Condition) => {
      if (c.kind === 'any') c.of.forEach(visit);
      else if (c.kind === 'events' && !this.cache.has(JSON.stringify(c))) fresh.set(JSON.stringify(c), c);
    };
    conditions.forEach(visit);
    if (fresh.size === 0) return;
    const sets = this.eventSets([...fresh.values()]);
    [...fresh.keys()].forEach((key, i) =>
      this.cache.set(
        key,
        sets.then((all) => all[i]!),
      ),
    );
  }

  private atom(c: AtomCondition): Promise<Bitmap> {
    const key = JSON.stringify(c);
    let p = this.cache.get(key);
    if (!p) this.cache.set(key, (p = this.load(c)));
    return p;
  }

  /** Per condition, the contacts with at least `min` of its events in its window: counted per contact. */
  private async eventSets(conditions: readonly EventsCondition[]): Promise<Bitmap[]> {
    const since = (days: number) => this.nowMs - days * DAY_MS;
    const list = (types: readonly string[]) => sql.join(types.map((t) => sql`${t}`));
    // Each type is read once, over the longest window a condition wants it for.
    const longest = new Map<string, number>();
    for (const c of conditions)
      for (const t of c.types) longest.set(t, Math.max(longest.get(t) ?? 0, c.withinDays));
    const byWindow = new Map<number, string[]>();
    for (const [t, days] of longest) byWindow.set(days, [...(byWindow.get(days) ?? []), t]);
    // For a list or a range of fans, their own entries of the weeks in the window are read (see
    // scan-hints.ts); for the whole workspace, the (workspace, type, at) index reads only the types wanted.
    const byIds = this.scope !== null && 'ids' in this.scope;
    const weeks =
      this.scope === null ? sql`1 = 1` : inEventWeeks(since(Math.max(...longest.values())), this.nowMs);
    const type = byIds ? filterOnly('type') : sql`type`;
    const reach = sql.join(
      [...byWindow].map(([days, types]) => sql`(${type} IN (${list(types)}) AND at > ${since(days)})`),
      sql` OR `,
    );
    const counts = sql.join(
      conditions.map(
        (c, i) =>
          sql`count(*) FILTER (WHERE type IN (${list(c.types)}) AND at > ${since(c.withinDays)}) AS ${sql.ref(`n${i}`)}`,
      ),
    );
    const lists = sql.join(
      conditions.map(
        (c, i) =>
          sql`${idListOf(this.db, sql.ref('contact_id'))} FILTER (WHERE ${sql.ref(`n${i}`)} >= ${c.min}) AS ${sql.ref(`s${i}`)}`,
      ),
    );
    const out = conditions.map(() => new RoaringBitmap32());
    await this.rows<Record<string, unknown>>(
      (where) => sql`SELECT ${lists} FROM (SELECT contact_id, ${counts} FROM events
        WHERE ${byIds ? filterOnly('workspace_id') : sql`workspace_id`} = ${this.workspaceId}
          AND ${weeks} AND at <= ${this.nowMs} AND (${reach}) AND ${where}
        GROUP BY contact_id) AS q`,
      'contact_id',
      (r) => out.forEach((b, i) => b.addMany(parseIdList(r[`s${i}`]))),
    );
    return out;
  }

  private async load(c: AtomCondition): Promise<Bitmap> {
    if (c.kind === 'events') return (await this.eventSets([c]))[0]!;
    if (c.kind === 'tag') {
      return this.ids(
        (where) => sql`SELECT ct.contact_id FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id
          WHERE t.workspace_id = ${this.workspaceId} AND t.name = ${c.name} AND ${where}`,
        'ct.contact_id',
      );
    }
    const ids = (await this.communityList())
      .filter(
        (m) => (c.tag === undefined || m.tags.includes(c.tag)) && (c.type === undefined || m.type === c.type),
      )
      .map((m) => m.id);
    if (ids.length === 0) return new RoaringBitmap32();
    const list = sql.join(ids.map((id) => sql`${id}`));
    return this.ids(
      (where) => sql`SELECT contact_id FROM community_members WHERE community_id IN (${list}) AND ${where}`,
    );
  }

  /** Current tiers in scope: tier → contacts, and the contacts placed in their tier after `sinceMs`. */
  async tiers(recentMs: number): Promise<{ byTier: Map<string, Bitmap>; recent: Bitmap }> {
    const byTier = new Map<string, Bitmap>();
    const after = new Date(recentMs).toISOString();
    await this.rows<{ tier: string; ids: unknown }>(
      (where) => sql`SELECT tier, ${idListOf(this.db, sql.ref('contact_id'))} AS ids FROM contact_tiers
        WHERE workspace_id = ${this.workspaceId} AND ${where} GROUP BY tier`,
      'contact_id',
      (r) => {
        let b = byTier.get(r.tier);
        if (!b) byTier.set(r.tier, (b = new RoaringBitmap32()));
        b.addMany(parseIdList(r.ids));
      },
    );
    const recent = await this.ids(
      (where) => sql`SELECT contact_id FROM contact_tiers
        WHERE workspace_id = ${this.workspaceId} AND since > ${after} AND ${where}`,
    );
    return { byTier, recent };
  }

  /** Live contacts in scope (not erased or merged). */
  live(): Promise<Bitmap> {
    return this.ids(
      (where) => sql`SELECT id AS contact_id FROM contacts WHERE workspace_id = ${this.workspaceId}
        AND erased_at IS NULL AND merged_into IS NULL AND ${where}`,
      'id',
    );
  }

  private communityList() {
    return (this.communities ??= this.db
      .selectFrom('communities')
      .select(['id', 'type', 'tags'])
      .where('workspace_id', '=', this.workspaceId)
      .execute()
      .then((rows) => rows.map((r) => ({ id: r.id, type: r.type, tags: JSON.parse(r.tags) as string[] }))));
  }

  /** The contact ids a query's `contact_id` column returns, gathered into one value per query. */
  private async ids(query: (where: RawBuilder<unknown>) => RawBuilder<unknown>, column = 'contact_id') {
    const out = new RoaringBitmap32();
    await this.rows<{ ids: unknown }>(
      (where) => sql`SELECT ${idListOf(this.db, sql.ref('contact_id'))} AS ids FROM (${query(where)}) AS q`,
      column,
      (r) => out.addMany(parseIdList(r.ids)),
    );
    return out;
  }

  private async rows<R>(
    query: (where: RawBuilder<unknown>) => RawBuilder<unknown>,
    column: string,
    visit: (row: R) => void,
  ): Promise<void> {
    const col = sql.ref(column);
    const s = this.scope;
    const run = async (where: RawBuilder<unknown>) => {
      const result = await (query(where) as RawBuilder<R>).execute(this.db);
      for (const r of result.rows) visit(r);
    };
    if (s === null) return run(sql`1 = 1`);
    if ('lo' in s) return run(sql`${col} BETWEEN ${s.lo} AND ${s.hi}`);
    for (let i = 0; i < s.ids.length; i += ID_CHUNK) {
      const chunk = s.ids.slice(i, i + ID_CHUNK);
      await run(sql`${col} IN (${sql.join(chunk.map((id) => sql`${id}`))})`);
    }
  }
}
