import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { countSegment, evaluateSegment } from './evaluate-segment.js';
import { parseSegment } from './parse-segment.js';
import { SegmentIndex } from './segment-index.js';
import type { ContactFields } from './segment-index.js';
import { DAY_MS } from './segment-values.js';

const AT = new Date('2024-06-15T12:00:00.000Z');
const saved: Record<string, string> = { mums: 'tag:宝妈', shanghaiMums: 'segment:mums AND city = 上海' };
const options = {
  at: AT,
  resolveSegment: (name: string) => (saved[name] ? parseSegment(saved[name]) : undefined),
};

function ids(index: SegmentIndex, text: string): number[] {
  const result = evaluateSegment(index, parseSegment(text), options).toArray();
  expect(countSegment(index, parseSegment(text), options)).toBe(result.length);
  return result;
}

function contact(over: Partial<ContactFields> = {}): ContactFields {
  return { created_at: '2024-01-01T00:00:00.000Z', attrs: {}, ...over };
}

function sample(): SegmentIndex {
  const index = new SegmentIndex();
  index.upsertContact(
    1,
    contact({
      name: '王小美',
      city: '上海',
      gender: 'f',
      birth_year: 1990,
      attrs: { vip: true, level: 3, plan: 'gold' },
    }),
  );
  index.upsertContact(
    2,
    contact({
      name: '李雷',
      city: '北京',
      gender: 'm',
      birth_year: 1985,
      attrs: { vip: false, level: 12.5, plan: '12.5' },
    }),
  );
  index.upsertContact(
    3,
    contact({ city: '上海', created_at: '2024-03-01T23:59:59.999Z', attrs: { level: '3' } }),
  );
  index.upsertContact(4, contact({ created_at: '2024-03-02T00:00:00.000Z' }));
  index.addLabel('tag', '宝妈', 1);
  index.addLabel('tag', '宝妈', 3);
  index.addLabel('tier', 'iron', 2);
  return index;
}

describe('evaluateSegment', () => {
  it('evaluates labels, boolean operators and NOT against live contacts', () => {
    const index = sample();
    expect(ids(index, 'tag:宝妈')).toEqual([1, 3]);
    expect(ids(index, 'NOT tag:宝妈')).toEqual([2, 4]);
    expect(ids(index, 'tag:宝妈 AND NOT city = 北京 OR tier:iron')).toEqual([1, 2, 3]);
    expect(ids(index, 'tag:nobody')).toEqual([]);
  });

  it('treats missing values as matching no comparison, != included', () => {
    const index = sample();
    expect(ids(index, 'city != 北京')).toEqual([1, 3]);
    expect(ids(index, 'NOT city = 北京')).toEqual([1, 3, 4]);
    expect(ids(index, 'name ~ 小')).toEqual([1]);
    expect(ids(index, 'city in (北京, 上海)')).toEqual([1, 2, 3]);
    expect(ids(index, 'birth_year < 1990')).toEqual([2]);
    expect(ids(index, 'birth_year != 1990')).toEqual([2]);
  });

  it('compares attributes by type: numbers numerically, text as text, booleans as true/false', () => {
    const index = sample();
    expect(ids(index, 'attr.level = 3')).toEqual([1, 3]);
    expect(ids(index, 'attr.level > 3')).toEqual([2]);
    expect(ids(index, 'attr.level >= 3.0')).toEqual([1, 2]);
    expect(ids(index, 'attr.plan = 12.50')).toEqual([]);
    expect(ids(index, 'attr.plan = "12.5"')).toEqual([2]);
    expect(ids(index, 'attr.vip = true')).toEqual([1]);
    expect(ids(index, 'attr.vip != true')).toEqual([2]);
    expect(ids(index, 'attr.plan ~ ol')).toEqual([1]);
  });

  it('reads a date-only created_at literal as its whole UTC day', () => {
    const index = sample();
    expect(ids(index, 'created_at = 2024-03-01')).toEqual([3]);
    expect(ids(index, 'created_at > 2024-03-01')).toEqual([4]);
    expect(ids(index, 'created_at <= 2024-03-01')).toEqual([1, 2, 3]);
    expect(ids(index, 'created_at >= 2024-03-01T23:59:59.999Z')).toEqual([3, 4]);
    expect(ids(index, 'created_at != 2024-01-01')).toEqual([3, 4]);
  });

  it('uses the exact (at - N days, at] event window and counts zero-event contacts', () => {
    const index = sample();
    const at = AT.getTime();
    index.addEvent('buy', at, 1);
    index.addEvent('buy', at - 7 * DAY_MS, 2); // exactly on the open edge: outside a 7-day window
    index.addEvent('buy', at - 7 * DAY_MS + 1, 3);
    index.addEvent('buy', at + 1, 4); // after `at`
    index.addEvents('buy', [at - DAY_MS, at - 2 * DAY_MS, at - 40 * DAY_MS], [1, 1, 1]);
    expect(ids(index, 'did buy within 7d')).toEqual([1, 3]);
    expect(ids(index, 'did buy within 8d')).toEqual([1, 2, 3]);
    expect(ids(index, 'count(buy, 7d) >= 3')).toEqual([1]);
    expect(ids(index, 'count(buy, 7d) < 1')).toEqual([2, 4]);
    expect(ids(index, 'count(buy, 7d) >= 0')).toEqual([1, 2, 3, 4]);
    expect(ids(index, 'count(buy, 60d) = 4')).toEqual([1]);
    expect(ids(index, 'count(view, 7d) = 0')).toEqual([1, 2, 3, 4]);
    expect(ids(index, 'did view within 7d')).toEqual([]);
  });

  it('resolves saved segments and reports unknown ones and cycles with a position', () => {
    const index = sample();
    expect(ids(index, 'segment:shanghaiMums')).toEqual([1, 3]);
    const unknown = () => ids(index, 'tag:a OR segment:nope');
    expect(unknown).toThrow(AppError);
    expect(unknown).toThrow('unknown segment "nope" at position 10');
    saved.loop = 'tag:a OR segment:loop2';
    saved.loop2 = 'segment:loop';
    try {
      ids(index, 'NOT segment:loop');
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).code).toBe('SEGMENT_CYCLE');
      expect((e as AppError).details).toEqual({ position: 5, cycle: ['loop', 'loop2', 'loop'] });
    }
  });

  it('sees live changes: replaced fields, removed labels and erased contacts', () => {
    const index = sample();
    index.addEvent('buy', AT.getTime(), 1);
    index.upsertContact(1, contact({ city: '杭州', attrs: { level: 4 } }));
    expect(ids(index, 'city = 上海')).toEqual([3]);
    expect(ids(index, 'attr.vip = true')).toEqual([]);
    expect(ids(index, 'attr.level = 4')).toEqual([1]);
    index.removeLabel('tag', '宝妈', 3);
    expect(ids(index, 'tag:宝妈')).toEqual([1]);
    index.removeContact(1);
    expect(ids(index, 'tag:宝妈 OR did buy within 1d OR count(buy, 1d) >= 0')).toEqual([2, 3, 4]);
    expect(ids(index, 'NOT city = 北京')).toEqual([3, 4]);
  });

  it('bulk loading gives the same index as one-by-one upserts', () => {
    const rows: [number, ContactFields][] = Array.from({ length: 300 }, (_, i) => [
      i * 7,
      contact({
        city: ['上海', '北京', undefined][i % 3] ?? null,
        name: `n${i}`,
        birth_year: 1970 + (i % 40),
        created_at: new Date(Date.UTC(2023, 0, 1) + i * 3_600_000 * 13).toISOString(),
        attrs: { score: (i * 37) % 101, flag: i % 2 === 0, plan: `p${i % 5}` },
      }),
    ]);
    const single = new SegmentIndex();
    for (const [id, row] of rows) single.upsertContact(id, row);
    const bulk = new SegmentIndex();
    bulk.upsertContacts(
      rows.map(([id]) => id),
      rows.map(([, row]) => row),
    );
    bulk.runOptimize();
    const texts = [
      'city = 上海 AND attr.score >= 50',
      'attr.flag = true OR name ~ 9',
      'birth_year > 1990 AND created_at < 2023-03-01',
      'attr.plan in (p1, p3) AND NOT attr.score < 20',
    ];
    for (const text of texts) expect(ids(bulk, text), text).toEqual(ids(single, text));
    expect(ids(bulk, 'city = 上海').length).toBe(100);
  });

  it('bulk upserts of known or repeated ids replace values in batch order', () => {
    const index = sample();
    index.upsertContacts(
      [9, 1, 9],
      [contact({ city: '北京' }), contact({ city: '杭州' }), contact({ city: '深圳', attrs: { level: 7 } })],
    );
    expect(ids(index, 'city = 深圳 AND attr.level = 7')).toEqual([9]);
    expect(ids(index, 'city = 北京')).toEqual([2]);
    expect(ids(index, 'city = 杭州 AND tag:宝妈')).toEqual([1]);
  });
});
