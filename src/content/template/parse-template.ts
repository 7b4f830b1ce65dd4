// Script templates: plain text with `{{ namespace.field }}` or `{{ namespace.field | default }}`.
// Errors are AppError('TEMPLATE_SYNTAX') with the 1-based position, line and column (in characters)
// of the offending text, so an editor can point at it.
import { AppError } from '../../platform/errors.js';

export const TEMPLATE_VARIABLES = [
  'contact.name',
  'contact.city',
  'koc.name',
  'product.name',
  'product.price',
  'campaign.name',
  'campaign.link',
  'workspace.name',
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

export type TemplatePart =
  { kind: 'text'; text: string } | { kind: 'var'; name: TemplateVariable; fallback: string | null };

export interface TextPosition {
  /** 1-based, in characters (code points). */
  position: number;
  line: number;
  column: number;
}

const known = new Set<string>(TEMPLATE_VARIABLES);
const NAME = /^[a-z_]+(\.[a-z_]+)*$/i;

/** Where UTF-16 index `index` of `text` is, counted in characters. */
export function positionAt(text: string, index: number): TextPosition {
  let position = 1;
  let line = 1;
  let column = 1;
  for (const ch of text.slice(0, index)) {
    position++;
    if (ch === '\n') {
      line++;
      column = 1;
    } else column++;
  }
  return { position, line, column };
}

function syntaxError(text: string, index: number, problem: string, extra: Record<string, unknown> = {}) {
  const at = positionAt(text, index);
  return new AppError(
    'TEMPLATE_SYNTAX',
    `${problem} at line ${at.line}, column ${at.column} (position ${at.position})`,
    { ...at, problem, ...extra },
  );
}

export function parseTemplate(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{{', i);
    const strayClose = text.indexOf('}}', i);
    if (strayClose !== -1 && (open === -1 || strayClose < open)) {
      throw syntaxError(text, strayClose, '"}}" without a matching "{{"');
    }
    if (open === -1) {
      parts.push({ kind: 'text', text: text.slice(i) });
      break;
    }
    if (open > i) parts.push({ kind: 'text', text: text.slice(i, open) });
    const close = text.indexOf('}}', open + 2);
    const nextOpen = text.indexOf('{{', open + 2);
    if (close === -1 || (nextOpen !== -1 && nextOpen < close)) {
      throw syntaxError(text, open, 'unclosed "{{"');
    }
    parts.push(parseTag(text, open, close));
    i = close + 2;
  }
  return parts;
}

function parseTag(text: string, open: number, close: number): TemplatePart {
  const inner = text.slice(open + 2, close);
  const bar = inner.indexOf('|');
  const rawName = bar === -1 ? inner : inner.slice(0, bar);
  const name = rawName.trim();
  const nameIndex = open + 2 + (rawName.length - rawName.trimStart().length);
  if (!name) throw syntaxError(text, open, 'empty variable name');
  if (!NAME.test(name)) throw syntaxError(text, nameIndex, `bad variable name "${name}"`, { variable: name });
  if (!known.has(name)) {
    throw syntaxError(text, nameIndex, `unknown variable "${name}"`, {
      variable: name,
      expected: TEMPLATE_VARIABLES,
    });
  }
  const fallback = bar === -1 ? null : inner.slice(bar + 1).trim();
  return { kind: 'var', name: name as TemplateVariable, fallback };
}

/** The distinct variables a template uses, in order of first use. */
export function templateVariables(parts: TemplatePart[]): TemplateVariable[] {
  return [...new Set(parts.flatMap((p) => (p.kind === 'var' ? [p.name] : [])))];
}
