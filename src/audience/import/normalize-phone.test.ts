import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskPhone, normalizePhone } from './normalize-phone.js';

describe('normalizePhone', () => {
  it.each([
    '13812345678',
    '138 1234 5678',
    '138-1234-5678',
    '+86 138 1234 5678',
    '+86-138-1234-5678',
    '+8613812345678',
    '0086 13812345678',
    '008613812345678',
    '8613812345678',
    '86 138 1234 5678',
    '(+86) 138.1234.5678',
    '１３８１２３４５６７８',
    '＋８６ １３８ １２３４ ５６７８',
  ])('reads the Chinese mobile %j as +8613812345678', (raw) => {
    expect(normalizePhone(raw)).toEqual({ ok: true, e164: '+8613812345678' });
  });

  it('accepts every Chinese mobile prefix 13x to 19x', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 9 }),
        fc.integer({ min: 0, max: 999_999_999 }),
        (second, rest) => {
          const local = `1${second}${String(rest).padStart(9, '0')}`;
          expect(normalizePhone(local)).toEqual({ ok: true, e164: `+86${local}` });
        },
      ),
    );
  });

  it.each([
    ['+1 415 555 2671', '+14155552671'],
    ['+44 20 7946 0958', '+442079460958'],
    ['0044 20 7946 0958', '+442079460958'],
    ['+852 6123 4567', '+85261234567'],
  ])('accepts the international number %j as %s', (raw, e164) => {
    expect(normalizePhone(raw)).toEqual({ ok: true, e164 });
  });

  it.each([
    ['12345', 'not a mobile number'],
    ['12812345678', 'not a mobile number'],
    ['1381234567', 'not a mobile number'],
    ['138123456789', 'not a mobile number'],
    ['010 1234 5678', 'not a mobile number'],
    ['+86 10 1234 5678', 'not a mobile number'],
    ['4155552671', 'not a mobile number'],
    ['138 1234 567x', 'only digits, spaces, dashes and a leading + are allowed'],
    ['+44 12', '4 digits is not a plausible international number (7 to 15)'],
    ['+1234567890123456', '16 digits is not a plausible international number (7 to 15)'],
    ['+0 415 555 2671', 'a country code never starts with 0'],
    [' - ', 'empty'],
  ])('refuses %j: %s', (raw, reason) => {
    expect(normalizePhone(raw)).toEqual({ ok: false, reason });
  });
});

describe('maskPhone', () => {
  it('shows a Chinese mobile as +86 138****5678', () => {
    expect(maskPhone('+8613812345678')).toBe('+86 138****5678');
  });

  it('hides the middle of other numbers, keeping the country end and the last four digits', () => {
    expect(maskPhone('+14155552671')).toBe('+141****2671');
    expect(maskPhone('+442079460958')).toBe('+442*****0958');
  });

  it('never shows more than the last four digits outside China (+86 has its own format)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\+[1-79]\d{7,14}$/), (e164) => {
        const masked = maskPhone(e164);
        expect(masked).toHaveLength(e164.length);
        expect(masked.slice(4, -4)).toMatch(/^\**$/);
        expect(masked.slice(-4)).toBe(e164.slice(-4));
      }),
    );
  });
});
