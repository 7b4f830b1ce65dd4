import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { formatSegment } from './format-segment.js';
import { parseSegment } from './parse-segment.js';
import type { SegmentAst } from './segment-ast.js';

function syntaxError(text: string): {
  message: string;
  details: { position: number; expected: string; found: string };
} {
  try {
    parseSegment(text);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('SEGMENT_SYNTAX');
    return e as never;
  }
  throw new Error(`no error for ${text}`);
}

function stripPositions(ast: SegmentAst): unknown {
  return JSON.parse(JSON.stringify(ast, (k, v: unknown) => (k === 'position' ? undefined : v)));
}

describe('parseSegment', () => {
  it('parses labels with bare Chinese, quoted and case-insensitive namespaces', () => {
    expect(parseSegment('tag:宝妈')).toEqual({ kind: 'label', namespace: 'tag', value: '宝妈', position: 1 });
    expect(parseSegment('TAG:"two words"')).toMatchObject({ value: 'two words' });
    expect(parseSegment('tier:iron')).toMatchObject({ kind: 'label', namespace: 'tier', value: 'iron' });
    expect(parseSegment('segment:高价值')).toEqual({ kind: 'segment', name: '高价值', position: 1 });
    expect(parseSegment('(tag:a)')).toMatchObject({ kind: 'label', value: 'a' });
  });

  it('gives NOT > AND > OR precedence, with parentheses overriding', () => {
    expect(stripPositions(parseSegment('tag:a OR not tag:b AND tag:c'))).toEqual({
      kind: 'or',
      items: [
        { kind: 'label', namespace: 'tag', value: 'a' },
        {
          kind: 'and',
          items: [
            { kind: 'not', operand: { kind: 'label', namespace: 'tag', value: 'b' } },
            { kind: 'label', namespace: 'tag', value: 'c' },
          ],
        },
      ],
    });
    expect(parseSegment('(tag:a or tag:b) and tag:c')).toMatchObject({
      kind: 'and',
      items: [{ kind: 'or' }, {}],
    });
  });

  it('parses comparisons, in-lists, attributes and event atoms', () => {
    expect(parseSegment('city=上海')).toEqual({
      kind: 'compare',
      field: 'city',
      op: '=',
      value: '上海',
      position: 1,
    });
    expect(parseSegment('birth_year >= 1990')).toMatchObject({
      field: 'birth_year',
      op: '>=',
      value: '1990',
    });
    expect(parseSegment('name ~ "王 小"')).toMatchObject({ op: '~', value: '王 小' });
    expect(parseSegment('City IN ("北京", 杭州,"a,b")')).toMatchObject({
      kind: 'in',
      values: ['北京', '杭州', 'a,b'],
    });
    expect(parseSegment('attr.Level > 2.5')).toMatchObject({ field: 'attr.Level', op: '>', value: '2.5' });
    expect(parseSegment('created_at < 2024-05-01T08:00:00Z')).toMatchObject({
      value: '2024-05-01T08:00:00Z',
    });
    expect(parseSegment('DID purchase WITHIN 30d')).toEqual({
      kind: 'did',
      eventType: 'purchase',
      days: 30,
      position: 1,
    });
    expect(parseSegment('count(page.view, 7D) != 0')).toEqual({
      kind: 'count',
      eventType: 'page.view',
      days: 7,
      op: '!=',
      value: 0,
      position: 1,
    });
  });

  it('does not take keywords inside longer words', () => {
    expect(parseSegment('tag:a and tag:order')).toMatchObject({ kind: 'and' });
    expect(syntaxError('tag:a ANDtag:b').details.position).toBe(7);
  });

  it('reports syntax errors with 1-based character positions', () => {
    const cases: [string, number, string][] = [
      ['', 1, 'expected expression at position 1'],
      ['tag:', 5, 'expected value at position 5'],
      ['tag:宝妈 AND', 11, 'expected expression at position 11'],
      ['(tag:宝妈 OR tag:b', 17, 'expected ")" at position 17'],
      ['tag:宝妈 AND city > 上海', 17, 'operator ">" is not supported for field city at position 17'],
      ['birth_year = 一九九零', 14, 'expected number at position 14'],
      ['created_at > yesterday', 14, 'expected ISO date like 2024-05-01 at position 14'],
      ['did buy within 0d', 16, 'expected number of days like 30d at position 16'],
      ['did buy in 3d', 9, 'expected WITHIN at position 9'],
      ['count(buy 7d) > 1', 11, 'expected "," at position 11'],
      ['tag:a tag:b', 7, 'expected AND, OR or end of input at position 7'],
    ];
    for (const [text, position, message] of cases) {
      const e = syntaxError(text);
      expect(e.details.position, text).toBe(position);
      expect(e.message, text).toBe(message);
    }
    expect(syntaxError('tag:a AND (').details).toEqual({
      position: 12,
      expected: 'expression',
      found: 'end of input',
    });
  });

  it('rejects unknown fields and namespaces at their position', () => {
    expect(syntaxError('tag:a OR 年龄 > 3').message).toBe('unknown field "年龄" at position 10');
    expect(syntaxError('tag:a OR label:b').details).toMatchObject({ position: 10, found: 'label' });
    expect(syntaxError('city ~ "abc').message).toBe('unterminated string at position 8');
  });

  it('formats to text that parses back to the same tree', () => {
    const texts = [
      'tag:宝妈 AND (city = 上海 OR city in ("北京", 杭州)) AND NOT did purchase within 30d',
      'NOT (tag:"a b" OR tier:gold) AND count(buy, 7d) >= 2',
      'name ~ "say \\"hi\\"" OR attr.vip = "and" OR segment:"my seg"',
      '(tag:a AND tag:b) AND tag:c',
    ];
    for (const text of texts) {
      const ast = parseSegment(text);
      expect(stripPositions(parseSegment(formatSegment(ast)))).toEqual(stripPositions(ast));
    }
    expect(formatSegment(parseSegment('tag:a or (tag:b and not tag:c)'))).toBe(
      'tag:a OR tag:b AND NOT tag:c',
    );
  });
});
