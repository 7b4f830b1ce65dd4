// How far the index has read a table keyed by a growing `seq` (events, audience_changes). PostgreSQL hands
// out sequence values at insert time but rows become visible at commit, so a lower seq can appear after a
// higher one was read. Missing seqs below the highest seen are kept as gaps and re-read for a bounded
// time: a late row is applied exactly once, and gaps that never fill (rollbacks, ON CONFLICT skips)
// expire. SQLite commits in order, so its gaps are only deleted rows and simply expire.

export interface SeqRange {
  lo: number;
  hi: number;
}

interface Gap extends SeqRange {
  since: number;
}

export const GAP_TTL_MS = 60_000;
/** Gaps kept at most (the newest); a query re-reads each as one BETWEEN. */
const MAX_GAPS = 500;

export class SeqCursor {
  private gapList: Gap[] = [];

  constructor(
    /** Every seq <= high was read, except those in the gaps. */
    public high = 0,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** Gaps still worth re-reading, oldest first dropped once expired. */
  gaps(): readonly SeqRange[] {
    const now = this.clock();
    this.gapList = this.gapList.filter((g) => now - g.since < GAP_TTL_MS);
    return this.gapList;
  }

  /** Whether the row with this seq has been read (so a rebuild must include it and a catch-up skip it). */
  covers(seq: number): boolean {
    if (seq > this.high) return false;
    // Gaps are kept in seq order.
    for (const g of this.gapList) {
      if (seq < g.lo) return true;
      if (seq <= g.hi) return false;
    }
    return true;
  }

  /**
   * Records the seqs of one page read with `seq > high OR seq IN gaps ORDER BY seq LIMIT n`, ascending.
   * Everything below the page's largest seq that the page did not hold was invisible to that query.
   */
  accept(seqs: ArrayLike<number>): void {
    const now = this.clock();
    for (let k = 0; k < seqs.length; k++) {
      const seq = seqs[k]!;
      if (seq > this.high) {
        if (seq > this.high + 1) this.gapList.push({ lo: this.high + 1, hi: seq - 1, since: now });
        this.high = seq;
      } else this.fill(seq);
    }
    if (this.gapList.length > MAX_GAPS) this.gapList = this.gapList.slice(-MAX_GAPS);
  }

  private fill(seq: number): void {
    const i = this.gapList.findIndex((g) => seq >= g.lo && seq <= g.hi);
    if (i === -1) return;
    const g = this.gapList[i]!;
    const parts: Gap[] = [];
    if (g.lo < seq) parts.push({ lo: g.lo, hi: seq - 1, since: g.since });
    if (seq < g.hi) parts.push({ lo: seq + 1, hi: g.hi, since: g.since });
    this.gapList.splice(i, 1, ...parts);
  }
}
