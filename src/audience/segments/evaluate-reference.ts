// Plain-JS evaluator over contact records: slow, obvious, and the oracle the bitmap engine and the SQL
// compiler are property-tested against. It states the language's semantics:
// - a missing value (null field, absent attribute) matches no comparison, `!=` included;
// - `!=` means "has a value and it differs"; `in` means any `=`; `~` is case-sensitive containment;
// - attr: numbers compare numerically with numeric literals; strings compare as text (`~` too);
//   booleans equal the literal `true`/`false`; `> >= < <=` only ever match numbers;
// - created_at: a date-only literal is its whole UTC day (see createdAtIntervals);
// - did/count look at events with at - N days < time <= at; count() is 0 for contacts without events.
import { inlineSegments } from './inline-segments.js';
import type { EvaluateOptions } from './evaluate-segment.js';
import type { AttrValue } from './segment-index.js';
import { attrKey } from './segment-ast.js';
import type { CompareOp, LabelNamespace, SegmentAst, SegmentField, StringField } from './segment-ast.js';
import {
  DAY_MS,
  compareNumbers,
  createdAtIntervals,
  isNumericText,
  parseDateLiteral,
} from './segment-values.js';

export interface ReferenceContact {
  id: number;
  name?: string | null;
  phone?: string | null;
  gender?: string | null;
  city?: string | null;
  birth_year?: number | null;
  source?: string | null;
  created_at: string;
  attrs: Record<string, AttrValue>;
  labels: { namespace: LabelNamespace; value: string }[];
  events: { type: string; at: number }[];
}

/** Ids of the matching contacts, ascending. */
export function evaluateReference(
  contacts: readonly ReferenceContact[],
  ast: SegmentAst,
  options: EvaluateOptions,
): number[] {
  const tree = inlineSegments(ast, options.resolveSegment);
  const at = options.at.getTime();
  return contacts
    .filter((c) => matches(c, tree, at))
    .map((c) => c.id)
    .sort((a, b) => a - b);
}

function matches(c: ReferenceContact, ast: SegmentAst, at: number): boolean {
  switch (ast.kind) {
    case 'and':
      return ast.items.every((x) => matches(c, x, at));
    case 'or':
      return ast.items.some((x) => matches(c, x, at));
    case 'not':
      return !matches(c, ast.operand, at);
    case 'label':
      return c.labels.some((l) => l.namespace === ast.namespace && l.value === ast.value);
    case 'segment':
      throw new Error('segment references are inlined before evaluation');
    case 'compare':
      return compareField(c, ast.field, ast.op, ast.value);
    case 'in':
      return ast.values.some((v) => compareField(c, ast.field, '=', v));
    case 'did':
      return eventsInWindow(c, ast.eventType, ast.days, at) > 0;
    case 'count':
      return compareNumbers(eventsInWindow(c, ast.eventType, ast.days, at), ast.op, ast.value);
  }
}

function eventsInWindow(c: ReferenceContact, type: string, days: number, at: number): number {
  return c.events.filter((e) => e.type === type && e.at > at - days * DAY_MS && e.at <= at).length;
}

function compareField(c: ReferenceContact, field: SegmentField, op: CompareOp, literal: string): boolean {
  const key = attrKey(field);
  if (key !== undefined)
    return compareAttr(Object.hasOwn(c.attrs, key) ? c.attrs[key] : undefined, op, literal);
  if (field === 'created_at') {
    const t = parseDateLiteral(c.created_at)!.ms;
    return op !== '~' && createdAtIntervals(op, literal).some((i) => t >= i.lo && t < i.hi);
  }
  if (field === 'birth_year') {
    const year = c.birth_year;
    return year !== null && year !== undefined && op !== '~' && compareNumbers(year, op, Number(literal));
  }
  const value = c[field as StringField];
  if (value === null || value === undefined) return false;
  if (op === '~') return value.includes(literal);
  return op === '=' ? value === literal : op === '!=' && value !== literal;
}

function compareAttr(value: AttrValue | undefined, op: CompareOp, literal: string): boolean {
  if (value === undefined || value === null) return false;
  const numeric = isNumericText(literal);
  const equal = typeof value === 'number' ? numeric && value === Number(literal) : String(value) === literal;
  switch (op) {
    case '=':
      return equal;
    case '!=':
      return !equal;
    case '~':
      return typeof value === 'string' && value.includes(literal);
    default:
      return typeof value === 'number' && numeric && compareNumbers(value, op, Number(literal));
  }
}
