// The audience index service: one per Store (audienceIndexFor), holding one SegmentIndex per workspace.
// A workspace's index is rebuilt from the store at first use; before every read the service catches up
// from the change feed and the events table (see catch-up.ts), so every server or worker process keeps
// its own index current through the store alone; events this process writes are handed over by the writer
// instead of read back (takeEvents). A light background poll (unref'd, stopped by close() or
// by the first failure) keeps the backlog short so the first count after an idle spell is fast too.
import { systemClock } from '../../platform/clock.js';
import { decodeCursor, encodeCursor } from '../../platform/pagination.js';
import type { Db } from '../../platform/store/database.js';
import type { Store } from '../../platform/store/open-store.js';
import { loadSegmentResolver } from '../saved-segments/load-segment-resolver.js';
import type { Bitmap } from '../segments/bitmap.js';
import { countSegment, evaluateSegment } from '../segments/evaluate-segment.js';
import type { EvaluateOptions } from '../segments/evaluate-segment.js';
import { inlineSegments } from '../segments/inline-segments.js';
import { parseSegment } from '../segments/parse-segment.js';
import type { SegmentAst } from '../segments/segment-ast.js';
import type { SegmentIndex } from '../segments/segment-index.js';
import { catchUp } from './catch-up.js';
import type { IndexState, KnownEvents } from './catch-up.js';
import { seqTail } from './index-reads.js';
import { rebuildWorkspaceIndex } from './rebuild-workspace-index.js';
import { SeqCursor } from './seq-cursor.js';

/** Seqs below the current maximum checked for gaps when a cursor starts. */
const START_TAIL = 10_000;
const POLL_MS = 1_000;

export interface ReadOptions {
  /** The instant event windows end at; default now. */
  at?: Date;
  /** Only these contacts can match (e.g. a KOC's own fans for the koc role). */
  within?: Bitmap;
}

export interface MembersPage {
  ids: number[];
  /** Members in the whole segment. */
  total: number;
  nextCursor: string | null;
}

const services = new WeakMap<Store, AudienceIndex>();
const servicesByDb = new WeakMap<Db, AudienceIndex>();

function narrowed(bitmap: Bitmap, opts: ReadOptions): Bitmap {
  if (opts.within) bitmap.andInPlace(opts.within);
  return bitmap;
}

export function audienceIndexFor(store: Store): AudienceIndex {
  let service = services.get(store);
  if (!service) {
    services.set(store, (service = new AudienceIndex(store)));
    servicesByDb.set(store.db, service);
  }
  return service;
}

/** The index this process keeps of the store behind `db`, if it has one (writers hand it what they wrote). */
export function runningAudienceIndex(db: Db): AudienceIndex | undefined {
  return servicesByDb.get(db);
}

export class AudienceIndex {
  private state: IndexState | undefined;
  private lock: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly store: Store,
    private readonly pollMs = POLL_MS,
  ) {}

  count(workspaceId: string, expr: string | SegmentAst, opts: ReadOptions = {}): Promise<number> {
    const within = opts.within;
    return this.read(workspaceId, expr, opts, (index, ast, o) =>
      within ? evaluateSegment(index, ast, o).andCardinality(within) : countSegment(index, ast, o),
    );
  }

  /** A new bitmap of the matching contact ids, for other domains (bulk tagging, flows) to use freely. */
  bitmap(workspaceId: string, expr: string | SegmentAst, opts: ReadOptions = {}): Promise<Bitmap> {
    return this.read(workspaceId, expr, opts, (index, ast, o) =>
      narrowed(evaluateSegment(index, ast, o), opts),
    );
  }

  /** Matching contact ids in ascending order, a page at a time (keyset cursor on the id). */
  members(
    workspaceId: string,
    expr: string | SegmentAst,
    opts: ReadOptions & { cursor?: string | undefined; limit?: number } = {},
  ): Promise<MembersPage> {
    const limit = opts.limit ?? 100;
    const after = opts.cursor ? Number(decodeCursor(opts.cursor, 1)[0]) : 0;
    return this.read(workspaceId, expr, opts, (index, ast, o) => {
      const all = narrowed(evaluateSegment(index, ast, o), opts);
      const start = after > 0 ? all.rank(after) : 0;
      const ids = [...all.rangeUint32Array(start, limit)];
      const more = start + ids.length < all.size;
      return { ids, total: all.size, nextCursor: more ? encodeCursor([ids[ids.length - 1]!]) : null };
    });
  }

  /**
   * Events this process has just committed: applied in the background without reading them back when
   * the index had read every event before them (otherwise the next catch-up reads them from the store).
   */
  takeEvents(known: KnownEvents): void {
    const state = this.state;
    if (!state || this.closed || known.rows.length === 0) return;
    this.locked(async () => {
      if (this.state === state) await catchUp(this.store.db, state, known);
    }).catch(() => {
      // As after a failed catch-up: start afresh at the next read.
      if (this.state === state) this.state = undefined;
    });
  }

  /** A saved segment's expression with its own references inlined (SEGMENT_CYCLE, NOT_FOUND). */
  async resolveSegment(workspaceId: string, name: string): Promise<SegmentAst> {
    const ref: SegmentAst = { kind: 'segment', name, position: 1 };
    return inlineSegments(ref, await loadSegmentResolver(this.store.db, workspaceId, ref));
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    this.timer = undefined;
    await this.lock.catch(() => undefined);
    this.state = undefined;
    if (services.get(this.store) === this) services.delete(this.store);
    if (servicesByDb.get(this.store.db) === this) servicesByDb.delete(this.store.db);
  }

  private async read<T>(
    workspaceId: string,
    expr: string | SegmentAst,
    opts: ReadOptions,
    evaluate: (index: SegmentIndex, ast: SegmentAst, o: EvaluateOptions) => T,
  ): Promise<T> {
    if (this.closed) throw new Error('the audience index is closed');
    const ast = typeof expr === 'string' ? parseSegment(expr) : expr;
    const resolveSegment = await loadSegmentResolver(this.store.db, workspaceId, ast);
    const at = opts.at ?? systemClock.now();
    return this.locked(async () => {
      const index = await this.current(workspaceId);
      this.startPolling();
      return evaluate(index, ast, { at, resolveSegment });
    });
  }

  /** Catches up, then rebuilds the workspace if it is not loaded (first use, or a huge backlog). */
  private async current(workspaceId: string): Promise<SegmentIndex> {
    const state = (this.state ??= await this.startState());
    try {
      return await this.currentIn(state, workspaceId);
    } catch (e) {
      // A catch-up cut short may have moved a cursor past rows it did not apply: start afresh next time.
      this.state = undefined;
      throw e;
    }
  }

  private async currentIn(state: IndexState, workspaceId: string): Promise<SegmentIndex> {
    await catchUp(this.store.db, state);
    let ws = state.workspaces.get(workspaceId);
    if (!ws) {
      ws = await rebuildWorkspaceIndex(this.store, workspaceId, state.events);
      state.workspaces.set(workspaceId, ws);
      // Writes made during the rebuild.
      await catchUp(this.store.db, state);
    }
    return ws.index;
  }

  private async startState(): Promise<IndexState> {
    const cursor = async (table: 'events' | 'audience_changes') => {
      const { base, seqs } = await seqTail(this.store.db, table, START_TAIL);
      const c = new SeqCursor(base);
      c.accept(seqs);
      return c;
    };
    return {
      events: await cursor('events'),
      changes: await cursor('audience_changes'),
      workspaces: new Map(),
    };
  }

  private locked<T>(task: () => Promise<T>): Promise<T> {
    const run = this.lock.then(task, task);
    this.lock = run.catch(() => undefined);
    return run;
  }

  private startPolling(): void {
    if (this.timer || this.closed || this.pollMs <= 0) return;
    this.timer = setInterval(() => {
      const state = this.state;
      if (!state || this.closed) return;
      this.locked(() => catchUp(this.store.db, state)).catch(() => {
        // The store is gone or failing: stop; the next read starts afresh, reports the error or polls again.
        if (this.state === state) this.state = undefined;
        clearInterval(this.timer);
        this.timer = undefined;
      });
    }, this.pollMs);
    this.timer.unref();
  }
}
