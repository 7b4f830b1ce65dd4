// Parser of the segment language (precedence NOT > AND > OR, keywords case-insensitive), e.g.
//   tag:宝妈 AND (city = 上海 OR city in ("北京", 杭州)) AND NOT did purchase within 30d
// Errors are AppError('SEGMENT_SYNTAX') carrying the 1-based character position of the offending text.
import { AppError } from '../../platform/errors.js';
import { CONTACT_FIELDS, COMPARE_OPS, LABEL_NAMESPACES, STRING_FIELDS } from './segment-ast.js';
import type { CompareOp, LabelNamespace, SegmentAst, SegmentField } from './segment-ast.js';
import { isNumericText, parseDateLiteral } from './segment-values.js';

const WORD_CHAR = /[\p{L}\p{N}_]/u;
const NAME_CHAR = /[\p{L}\p{N}_.-]/u;
// Longest first so `>=` wins over `>`.
const OPS = [...COMPARE_OPS].sort((a, b) => b.length - a.length);

export function parseSegment(text: string): SegmentAst {
  return new Parser(text).parseAll();
}

/** 1-based position counted in characters (code points), not UTF-16 units. */
function positionOf(text: string, index: number): number {
  return [...text.slice(0, index)].length + 1;
}

class Parser {
  private i = 0;

  constructor(private readonly text: string) {}

  parseAll(): SegmentAst {
    const ast = this.parseOr();
    this.skipWs();
    if (this.i < this.text.length) this.fail('AND, OR or end of input');
    return ast;
  }

  private parseOr(): SegmentAst {
    const items = [this.parseAnd()];
    while (this.keyword('or')) items.push(this.parseAnd());
    return items.length === 1 ? items[0]! : { kind: 'or', items };
  }

  private parseAnd(): SegmentAst {
    const items = [this.parseNot()];
    while (this.keyword('and')) items.push(this.parseNot());
    return items.length === 1 ? items[0]! : { kind: 'and', items };
  }

  private parseNot(): SegmentAst {
    if (this.keyword('not')) return { kind: 'not', operand: this.parseNot() };
    return this.parsePrimary();
  }

  private parsePrimary(): SegmentAst {
    this.skipWs();
    if (this.peek() === '(') {
      this.i++;
      const inner = this.parseOr();
      this.expect(')');
      return inner;
    }
    const start = this.i;
    const word = this.readWhile(NAME_CHAR);
    if (!word) this.fail('expression');
    const lower = word.toLowerCase();
    const position = positionOf(this.text, start);
    if (this.peek() === ':') {
      this.i++;
      const value = this.readValue('value', false);
      if (lower === 'segment') return { kind: 'segment', name: value, position };
      if ((LABEL_NAMESPACES as readonly string[]).includes(lower)) {
        return { kind: 'label', namespace: lower as LabelNamespace, value, position };
      }
      throw this.error(start, `unknown namespace "${word}"`, 'tag, tier or segment', word);
    }
    if (lower === 'did') {
      const eventType = this.readName('event type');
      if (!this.keyword('within')) this.fail('WITHIN');
      return { kind: 'did', eventType, days: this.readDays(), position };
    }
    if (lower === 'count' && this.peekAfterWs() === '(') {
      this.expect('(');
      const eventType = this.readName('event type');
      this.expect(',');
      const days = this.readDays();
      this.expect(')');
      const op = this.readOp();
      if (op === '~') throw this.error(this.i - 1, 'operator "~" is not supported for count', 'operator', op);
      this.skipWs();
      const numStart = this.i;
      const num = this.readWhile(/[-\d.]/);
      if (!isNumericText(num)) this.fail('number', numStart);
      return { kind: 'count', eventType, days, op, value: Number(num), position };
    }
    const field = this.toField(word, start);
    if (this.keyword('in')) {
      this.expect('(');
      const values = [this.readLiteral(field, '=')];
      while (this.peekAfterWs() === ',') {
        this.i++;
        values.push(this.readLiteral(field, '='));
      }
      this.expect(')');
      return { kind: 'in', field, values, position };
    }
    const opStart = this.i;
    const op = this.readOp();
    if (!opAllowed(field, op))
      throw this.error(opStart, `operator "${op}" is not supported for field ${field}`, 'operator', op);
    return { kind: 'compare', field, op, value: this.readLiteral(field, op), position };
  }

  private toField(word: string, start: number): SegmentField {
    const lower = word.toLowerCase();
    if (lower.startsWith('attr.') && word.length > 'attr.'.length)
      return `attr.${word.slice('attr.'.length)}`;
    if ((CONTACT_FIELDS as readonly string[]).includes(lower)) return lower as SegmentField;
    throw this.error(start, `unknown field "${word}"`, 'field', word);
  }

  /** A comparison value, checked against the field so a bad literal is reported where it stands. */
  private readLiteral(field: SegmentField, op: CompareOp): string {
    this.skipWs();
    const start = this.i;
    const value = this.readValue('value', true);
    const numeric =
      field === 'birth_year' || (field.startsWith('attr.') && op !== '=' && op !== '!=' && op !== '~');
    if (numeric && !isNumericText(value)) this.fail('number', start);
    if (field === 'created_at' && !parseDateLiteral(value)) this.fail('ISO date like 2024-05-01', start);
    return value;
  }

  /** A quoted string, or a bare run of characters up to whitespace or `)` (and `,` inside lists). */
  private readValue(expected: string, stopAtComma: boolean): string {
    this.skipWs();
    if (this.peek() === '"') return this.readQuoted();
    const start = this.i;
    while (this.i < this.text.length) {
      const c = this.text[this.i]!;
      if (/\s/.test(c) || c === ')' || c === '(' || c === '"' || (stopAtComma && c === ',')) break;
      this.i++;
    }
    if (this.i === start) this.fail(expected);
    return this.text.slice(start, this.i);
  }

  private readQuoted(): string {
    const start = this.i;
    this.i++;
    let out = '';
    while (this.i < this.text.length) {
      const c = this.text[this.i++]!;
      if (c === '"') return out;
      if (c === '\\' && this.i < this.text.length) out += this.text[this.i++]!;
      else out += c;
    }
    throw this.error(this.text.length, 'unterminated string', '"', 'end of input', start);
  }

  private readName(expected: string): string {
    this.skipWs();
    if (this.peek() === '"') return this.readQuoted();
    const name = this.readWhile(NAME_CHAR);
    if (!name) this.fail(expected);
    return name;
  }

  private readDays(): number {
    this.skipWs();
    const start = this.i;
    const m = /^(\d+)[dD](?![\p{L}\p{N}_])/u.exec(this.text.slice(this.i));
    if (!m || Number(m[1]) < 1) this.fail('number of days like 30d', start);
    this.i += m[0].length;
    return Number(m[1]);
  }

  private readOp(): CompareOp {
    this.skipWs();
    const op = OPS.find((o) => this.text.startsWith(o, this.i));
    if (!op) this.fail('operator (= != > >= < <= ~ in)');
    this.i += op.length;
    return op;
  }

  private keyword(word: string): boolean {
    this.skipWs();
    const end = this.i + word.length;
    if (this.text.slice(this.i, end).toLowerCase() !== word) return false;
    if (end < this.text.length && WORD_CHAR.test(this.text[end]!)) return false;
    this.i = end;
    return true;
  }

  private expect(c: string): void {
    this.skipWs();
    if (this.peek() !== c) this.fail(`"${c}"`);
    this.i++;
  }

  private readWhile(re: RegExp): string {
    const start = this.i;
    while (this.i < this.text.length && re.test(this.text[this.i]!)) this.i++;
    return this.text.slice(start, this.i);
  }

  private skipWs(): void {
    while (this.i < this.text.length && /\s/.test(this.text[this.i]!)) this.i++;
  }

  private peek(): string | undefined {
    return this.text[this.i];
  }

  private peekAfterWs(): string | undefined {
    this.skipWs();
    return this.peek();
  }

  private fail(expected: string, at = this.i): never {
    const rest = this.text.slice(at);
    const found = rest ? `"${[...(/^\S+/.exec(rest)?.[0] ?? rest)].slice(0, 20).join('')}"` : 'end of input';
    throw this.error(at, `expected ${expected}`, expected, found);
  }

  private error(at: number, what: string, expected: string, found: string, reportAt = at): AppError {
    const position = positionOf(this.text, reportAt);
    return new AppError('SEGMENT_SYNTAX', `${what} at position ${position}`, { position, expected, found });
  }
}

/** Text columns only test equality and containment (ordering text differs between SQL collations). */
function opAllowed(field: SegmentField, op: CompareOp): boolean {
  if (field.startsWith('attr.')) return true;
  if ((STRING_FIELDS as readonly string[]).includes(field)) return op === '=' || op === '!=' || op === '~';
  return op !== '~';
}
