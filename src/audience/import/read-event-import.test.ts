import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { validateEventRecord } from './event-row.js';
import { readEventImport, type EventImportItem } from './read-event-import.js';

const clock = new VirtualClock('2026-03-01T00:00:00Z');
const NOW = clock.now().getTime();

async function readLines(lines: string[]): Promise<EventImportItem[]> {
  const items: EventImportItem[] = [];
  for await (const item of readEventImport(Readable.from([Buffer.from(lines.join('\n'))]), { clock })) {
    items.push(item);
  }
  return items;
}

describe('readEventImport', () => {
  it('reads events with ISO or epoch-ms times, props and a source', async () => {
    const items = await readLines([
      '{"id":"e1","contact":"wx_1","type":"view","at":"2026-02-01T10:00:00+08:00","props":{"page":"home"}}',
      '{"id":2,"contact":"wx_2","type":"order","at":1767225600000,"source":{"kind":"koc","id":"k_7"}}',
      '{"id":"e3","contact":"wx_1","type":"coupon_used","at":"2026-02-02T00:00:00Z"}',
    ]);
    expect(items).toEqual([
      {
        line: 1,
        row: {
          id: 'e1',
          contactExternalId: 'wx_1',
          type: 'view',
          at: Date.UTC(2026, 1, 1, 2),
          props: { page: 'home' },
        },
      },
      {
        line: 2,
        row: {
          id: '2',
          contactExternalId: 'wx_2',
          type: 'order',
          at: 1767225600000,
          props: {},
          source: { kind: 'koc', id: 'k_7' },
        },
      },
      {
        line: 3,
        row: {
          id: 'e3',
          contactExternalId: 'wx_1',
          type: 'coupon_used',
          at: Date.UTC(2026, 1, 2),
          props: {},
        },
      },
    ]);
  });

  it('reports bad lines and duplicate ids with their first line', async () => {
    const items = await readLines([
      '{"id":"e1","contact":"c","type":"like","at":"2026-01-01T00:00:00Z"}',
      'not json',
      '{"id":"e1","contact":"c","type":"like","at":"2026-01-01T00:00:00Z"}',
      '{"id":"e2","contact":"c","type":"like","at":"2026-01-01T00:00:00Z","contact_id":"x"}',
    ]);
    expect(items.map((i) => [i.line, i.reason ?? 'ok'])).toEqual([
      [1, 'ok'],
      [2, expect.stringMatching(/^not valid JSON: /)],
      [3, 'duplicate event id "e1": first seen on line 1'],
      [4, 'unknown field "contact_id" (expected id, contact, type, at, props, source)'],
    ]);
  });

  it('refuses a CSV file', async () => {
    const error = await readEventImport('events.csv')
      .next()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('IMPORT_UNREADABLE');
  });
});

describe('validateEventRecord', () => {
  const base = { id: 'e', contact: 'c', type: 'view', at: '2026-01-01T00:00:00Z' };
  const reason = (patch: Record<string, unknown>): string | undefined =>
    validateEventRecord({ ...base, ...patch }, NOW).reason;

  it('accepts every built-in type and custom snake_case types', () => {
    for (const type of [
      'read',
      'share',
      'add_friend',
      'join_group',
      'live_view',
      'survey_answer',
      'a',
      'x'.repeat(40),
    ]) {
      expect(reason({ type })).toBeUndefined();
    }
  });

  it.each([
    [{ id: undefined }, 'missing id'],
    [{ id: '' }, 'missing id'],
    [{ contact: null }, 'missing contact (the external_id of a contact)'],
    [{ type: 'View' }, /^invalid type "View": use view, read, like, .* or a custom type matching/],
    [{ type: '1st' }, /^invalid type "1st"/],
    [{ type: 'x'.repeat(41) }, /^invalid type/],
    [{ type: undefined }, /^invalid type null/],
    [
      { at: '2026-01-01T00:00:00' },
      'invalid at "2026-01-01T00:00:00": expected an ISO time with a zone or epoch ms',
    ],
    [{ at: '2026-02-30T00:00:00Z' }, 'invalid at "2026-02-30T00:00:00Z": not a valid time'],
    [{ at: 1767225600 }, 'invalid at 1767225600: looks like epoch seconds, give ms'],
    [{ at: '1999-12-31T23:59:59Z' }, 'invalid at "1999-12-31T23:59:59Z": before 2000'],
    [{ at: NOW + 2 * 86_400_000 }, `invalid at ${NOW + 2 * 86_400_000}: in the future`],
    [{ props: [1] }, 'props must be a JSON object'],
    [{ props: 'x' }, 'props must be a JSON object'],
    [{ source: { kind: 'kol', id: 'x' } }, /^invalid source: expected \{"kind": one of koc\|community/],
    [{ source: { kind: 'koc' } }, /^invalid source/],
  ])('refuses %j', (patch, expected) => {
    if (typeof expected === 'string') expect(reason(patch)).toBe(expected);
    else expect(reason(patch)).toMatch(expected);
  });
});
