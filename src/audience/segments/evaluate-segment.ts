// Evaluates a segment on the in-memory index with roaring bitmap algebra. Atoms return the index's own
// bitmaps where they can (never modified here: only the static and/or/andNot build new ones).
import { RoaringBitmap32, union } from './bitmap.js';
import type { Bitmap } from './bitmap.js';
import { inlineSegments } from './inline-segments.js';
import type { ResolveSegment } from './inline-segments.js';
import { attrKey } from './segment-ast.js';
import type {
  CompareOp,
  NumericOp,
  SegmentAst,
  SegmentAtom,
  SegmentField,
  StringField,
} from './segment-ast.js';
import type { SegmentIndex } from './segment-index.js';
import { textKey } from './segment-index.js';
import type { NumberRange } from './range-column.js';
import { compareNumbers, createdAtIntervals, eventWindow, isNumericText } from './segment-values.js';

export interface EvaluateOptions {
  /** The instant event windows end at (usually now). */
  at: Date;
  resolveSegment: ResolveSegment;
}

/** The live contacts matching the segment. */
export function evaluateSegment(index: SegmentIndex, ast: SegmentAst, options: EvaluateOptions): Bitmap {
  return RoaringBitmap32.and(evaluateRaw(index, ast, options), index.universe);
}

export function countSegment(index: SegmentIndex, ast: SegmentAst, options: EvaluateOptions): number {
  const inlined = inlineSegments(ast, options.resolveSegment);
  return new Evaluator(index, options.at.getTime()).cardinality(inlined);
}

function evaluateRaw(index: SegmentIndex, ast: SegmentAst, options: EvaluateOptions): Bitmap {
  return new Evaluator(index, options.at.getTime()).eval(inlineSegments(ast, options.resolveSegment));
}

/** Results may hold ids outside the universe (labels of erased contacts); callers AND with it. */
class Evaluator {
  constructor(
    private readonly index: SegmentIndex,
    private readonly atMs: number,
  ) {}

  eval(ast: SegmentAst): Bitmap {
    switch (ast.kind) {
      case 'or':
        return union(ast.items.map((x) => this.eval(x)));
      case 'not':
        return RoaringBitmap32.andNot(this.index.universe, this.eval(ast.operand));
      case 'and':
        return this.and(ast.items);
      default:
        return this.atom(ast);
    }
  }

  /**
   * How many live contacts match. An intersection of dense bitmaps that turns out sparse (under 1 in 16
   * of a container's range) converts each container's bitset into a sorted array, which costs ~10 times
   * the intersection itself (~1 ms at 10M contacts); a count needs only the last step's size. So when
   * every positive part of a top-level AND is dense, the others are intersected first (with the
   * universe) and the smallest is only counted against them; otherwise smallest first is cheaper.
   */
  cardinality(ast: SegmentAst): number {
    const universe = this.index.universe;
    if (ast.kind !== 'and') return this.eval(ast).andCardinality(universe);
    const positive = this.positiveParts(ast.items);
    const smallest = positive[0];
    if (smallest === undefined || smallest.size * 16 < universe.size)
      return this.intersect(positive, ast.items).andCardinality(universe);
    const acc = positive.length > 1 ? RoaringBitmap32.and(universe, positive[1]!) : universe.clone();
    for (const next of positive.slice(2)) acc.andInPlace(next);
    this.subtractNegated(acc, ast.items);
    return acc.andCardinality(smallest);
  }

  private and(items: SegmentAst[]): Bitmap {
    return this.intersect(this.positiveParts(items), items);
  }

  /** The parts of an AND that are not negated, evaluated, smallest first. */
  private positiveParts(items: SegmentAst[]): Bitmap[] {
    const positive = items.filter((x) => x.kind !== 'not').map((x) => this.eval(x));
    return positive.sort((a, b) => a.size - b.size);
  }

  /**
   * Intersects the positive parts (smallest first), then subtracts the negated ones, narrowing one new
   * bitmap in place: a new bitmap per step would cost up to a megabyte of containers at 10M contacts,
   * for the collector to reclaim.
   */
  private intersect(positive: Bitmap[], items: SegmentAst[]): Bitmap {
    const [first = this.index.universe, second] = positive;
    if (second === undefined && !items.some((x) => x.kind === 'not')) return first;
    const acc = second === undefined ? first.clone() : RoaringBitmap32.and(first, second);
    for (const next of positive.slice(2)) acc.andInPlace(next);
    this.subtractNegated(acc, items);
    return acc;
  }

  private subtractNegated(acc: Bitmap, items: SegmentAst[]): void {
    for (const item of items) if (item.kind === 'not') acc.andNotInPlace(this.eval(item.operand));
  }

  private atom(ast: SegmentAtom): Bitmap {
    switch (ast.kind) {
      case 'label':
        return this.index.label(ast.namespace, ast.value);
      case 'segment':
        throw new Error('segment references are inlined before evaluation');
      case 'in':
        return union(ast.values.map((value) => this.compare(ast.field, '=', value)));
      case 'compare':
        return this.compare(ast.field, ast.op, ast.value);
      case 'did': {
        const { start, end } = eventWindow(this.atMs, ast.days);
        return this.index.eventsOf(ast.eventType)?.within(start, end) ?? new RoaringBitmap32();
      }
      case 'count':
        return this.count(ast.eventType, ast.days, ast.op, ast.value);
    }
  }

  private count(eventType: string, days: number, op: NumericOp, value: number): Bitmap {
    const { start, end } = eventWindow(this.atMs, days);
    const matching: number[] = [];
    const failing: number[] = [];
    this.index.eventsOf(eventType)?.countWithin(start, end, (id, n) => {
      (compareNumbers(n, op, value) ? matching : failing).push(id);
    });
    const hit = new RoaringBitmap32(matching);
    // Contacts without events in the window have count 0.
    if (!compareNumbers(0, op, value)) return hit;
    return RoaringBitmap32.or(hit, RoaringBitmap32.andNot(this.index.universe, new RoaringBitmap32(failing)));
  }

  private compare(field: SegmentField, op: CompareOp, value: string): Bitmap {
    const key = attrKey(field);
    if (key !== undefined) return this.compareAttr(key, op, value);
    if (field === 'birth_year' || field === 'created_at') return this.compareNumberField(field, op, value);
    const column = this.index.strings[field as StringField];
    if (op === '=') return column.idsOf(value);
    if (op === '!=') return RoaringBitmap32.andNot(column.present, column.idsOf(value));
    return column.idsContaining(value);
  }

  private compareNumberField(field: 'birth_year' | 'created_at', op: CompareOp, value: string): Bitmap {
    if (field === 'birth_year') return rangeSelect(this.index.birthYear, op as NumericOp, Number(value));
    const parts = createdAtIntervals(op as NumericOp, value).map((i) =>
      this.index.createdAt.select({ lo: i.lo, loInclusive: true, hi: i.hi, hiInclusive: false }),
    );
    return union(parts);
  }

  /** See evaluate-reference.ts for the rules: numbers compare numerically, text and booleans as text. */
  private compareAttr(key: string, op: CompareOp, value: string): Bitmap {
    const cols = this.index.attr(key);
    if (!cols) return new RoaringBitmap32();
    const numeric = isNumericText(value);
    if (op === '~') return cols.text.idsContaining(value, 1, 's'.charCodeAt(0));
    if (op !== '=' && op !== '!=')
      return numeric ? rangeSelect(cols.num, op as NumericOp, Number(value)) : new RoaringBitmap32();
    const parts = [cols.text.idsOf(textKey(value))];
    if (numeric) parts.push(rangeSelect(cols.num, '=', Number(value)));
    if (value === 'true' || value === 'false') parts.push(cols.text.idsOf(textKey(value === 'true')));
    const equal = union(parts);
    if (op === '=') return equal;
    return RoaringBitmap32.andNot(RoaringBitmap32.or(cols.text.present, cols.num.present), equal);
  }
}

interface Selectable {
  select(range: NumberRange): Bitmap;
  readonly present: Bitmap;
}

function rangeSelect(column: Selectable, op: NumericOp, v: number): Bitmap {
  switch (op) {
    case '=':
      return column.select({ lo: v, loInclusive: true, hi: v, hiInclusive: true });
    case '!=':
      return RoaringBitmap32.andNot(column.present, rangeSelect(column, '=', v));
    case '>':
      return column.select({ lo: v, loInclusive: false, hi: Infinity, hiInclusive: false });
    case '>=':
      return column.select({ lo: v, loInclusive: true, hi: Infinity, hiInclusive: false });
    case '<':
      return column.select({ lo: -Infinity, loInclusive: false, hi: v, hiInclusive: false });
    case '<=':
      return column.select({ lo: -Infinity, loInclusive: false, hi: v, hiInclusive: true });
  }
}
