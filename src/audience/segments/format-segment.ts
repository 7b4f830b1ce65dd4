// Canonical text of a segment: parseSegment(formatSegment(ast)) gives back the same tree (positions aside).
import type { SegmentAst } from './segment-ast.js';

const BARE = /^[^\s()",\\]+$/u;
const NAME = /^[\p{L}\p{N}_.-]+$/u;
const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'within']);

export function formatSegment(ast: SegmentAst): string {
  return format(ast, 0);
}

// 0 = OR level, 1 = AND level, 2 = NOT/atom level: a child binding looser than its place is parenthesized.
function format(ast: SegmentAst, level: number): string {
  switch (ast.kind) {
    case 'or':
      return wrap(ast.items.map((x) => format(x, 1)).join(' OR '), level > 0);
    case 'and':
      return wrap(ast.items.map((x) => format(x, 2)).join(' AND '), level > 1);
    case 'not':
      return `NOT ${format(ast.operand, 2)}`;
    case 'label':
      return `${ast.namespace}:${quote(ast.value)}`;
    case 'segment':
      return `segment:${quote(ast.name)}`;
    case 'compare':
      return `${ast.field} ${ast.op} ${quote(ast.value)}`;
    case 'in':
      return `${ast.field} in (${ast.values.map(quote).join(', ')})`;
    case 'did':
      return `did ${quoteName(ast.eventType)} within ${ast.days}d`;
    case 'count':
      return `count(${quoteName(ast.eventType)}, ${ast.days}d) ${ast.op} ${ast.value}`;
  }
}

function wrap(text: string, parens: boolean): string {
  return parens ? `(${text})` : text;
}

function quote(value: string): string {
  return BARE.test(value) && !KEYWORDS.has(value.toLowerCase()) ? value : quoted(value);
}

/** Event types are bare only when made of name characters (the parser reads them that way). */
function quoteName(value: string): string {
  return NAME.test(value) && !KEYWORDS.has(value.toLowerCase()) ? value : quoted(value);
}

function quoted(value: string): string {
  return `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}
