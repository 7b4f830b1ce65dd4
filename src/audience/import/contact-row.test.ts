import { describe, expect, it } from 'vitest';
import { contactColumnKey, normalizeGender, validateContactRecord } from './contact-row.js';

const YEAR = 2026;

describe('validateContactRecord', () => {
  it('turns a full CSV record into a typed row, extra columns into attributes', () => {
    const checked = validateContactRecord(
      {
        external_id: ' wx_1 ',
        name: '王芳',
        phone: '138 1234 5678',
        gender: '女',
        city: '上海',
        birth_year: '1990',
        source: 'channel_a',
        tags: '护肤; 母婴;;护肤',
        vip_level: '3',
        note: '',
      },
      YEAR,
    );
    expect(checked).toEqual({
      externalId: 'wx_1',
      row: {
        externalId: 'wx_1',
        name: '王芳',
        phone: '+8613812345678',
        gender: 'female',
        city: '上海',
        birthYear: 1990,
        source: 'channel_a',
        tags: ['护肤', '母婴'],
        attrs: { vip_level: '3' },
      },
    });
  });

  it('leaves empty optional fields out', () => {
    const checked = validateContactRecord({ external_id: 'a', name: '', phone: ' ', tags: '' }, YEAR);
    expect(checked.row).toEqual({ externalId: 'a', tags: [], attrs: {} });
    expect(checked.row?.phone).toBeUndefined();
  });

  it('reads JSONL values: numbers, tag arrays, nested attrs and extra keys', () => {
    const checked = validateContactRecord(
      {
        external_id: 42,
        phone: 13812345678,
        birth_year: 1985,
        tags: ['a', ' b ', 'a'],
        attrs: { vip: true, score: 9.5, nickname: ' 小美 ', gone: null },
        level: 'gold',
      },
      YEAR,
    );
    expect(checked.row).toMatchObject({
      externalId: '42',
      phone: '+8613812345678',
      birthYear: 1985,
      tags: ['a', 'b'],
      attrs: { vip: true, score: 9.5, nickname: '小美', level: 'gold' },
    });
  });

  it('accepts full-width ； between tags', () => {
    expect(validateContactRecord({ external_id: 'a', tags: '护肤；母婴;美妆' }, YEAR).row?.tags).toEqual([
      '护肤',
      '母婴',
      '美妆',
    ]);
  });

  it.each([
    [{ name: 'x' }, 'missing external_id'],
    [{ external_id: '  ' }, 'missing external_id'],
    [{ external_id: 'x'.repeat(201) }, 'external_id is longer than 200 characters'],
    [{ external_id: 'a', phone: '12345' }, 'invalid phone "12345": not a mobile number'],
    [{ external_id: 'a', birth_year: '1899' }, 'invalid birth_year "1899": not a year between 1900 and 2026'],
    [{ external_id: 'a', birth_year: '2027' }, 'invalid birth_year "2027": not a year between 1900 and 2026'],
    [{ external_id: 'a', birth_year: '90' }, 'invalid birth_year "90": not a year between 1900 and 2026'],
    [
      { external_id: 'a', birth_year: '1990.5' },
      'invalid birth_year "1990.5": not a year between 1900 and 2026',
    ],
    [
      { external_id: 'a', birth_year: 1990.5 },
      'invalid birth_year "1990.5": not a year between 1900 and 2026',
    ],
    [
      { external_id: 'a', gender: 'x' },
      'invalid gender "x": expected male, female or unknown (男/女/未知, m/f)',
    ],
    [
      { external_id: 'a', gender: 'constructor' },
      'invalid gender "constructor": expected male, female or unknown (男/女/未知, m/f)',
    ],
    [{ external_id: 'a', tags: [1, 2] }, 'tags must be a ";"-separated string or an array of strings'],
    [{ external_id: 'a', name: { first: 'x' } }, 'name must be a string'],
    [{ external_id: 'a', attrs: [1] }, 'attrs must be an object'],
    [{ external_id: 'a', attrs: { deep: { x: 1 } } }, 'attribute "deep" must be a string, number or boolean'],
    [{ external_id: 'a', ['__proto__']: 'x' }, 'attribute name "__proto__" is not allowed'],
  ])('refuses %j: %s', (record, reason) => {
    const safe = JSON.parse(JSON.stringify(record)) as Record<string, unknown>;
    expect(validateContactRecord(safe, YEAR).reason).toBe(reason);
  });

  it('lists every problem of a row and still says which id it had', () => {
    expect(validateContactRecord({ external_id: 'a', phone: '1', birth_year: 'x' }, YEAR)).toEqual({
      externalId: 'a',
      reason:
        'invalid phone "1": not a mobile number; invalid birth_year "x": not a year between 1900 and 2026',
    });
  });
});

describe('normalizeGender', () => {
  it.each([
    ['男', 'male'],
    ['male', 'male'],
    ['Male', 'male'],
    ['m', 'male'],
    ['M', 'male'],
    ['女', 'female'],
    ['FEMALE', 'female'],
    ['f', 'female'],
    ['F', 'female'],
    ['未知', 'unknown'],
    ['unknown', 'unknown'],
    [' 女 ', 'female'],
  ])('reads %j as %s', (raw, gender) => {
    expect(normalizeGender(raw)).toBe(gender);
  });

  it('knows nothing else', () => {
    expect(normalizeGender('x')).toBeUndefined();
    expect(normalizeGender('toString')).toBeUndefined();
  });
});

describe('contactColumnKey', () => {
  it('matches known columns in any case and keeps attribute names as typed', () => {
    expect([' External_ID', 'Phone', 'VIP Level'].map(contactColumnKey)).toEqual([
      'external_id',
      'phone',
      'VIP Level',
    ]);
  });
});
