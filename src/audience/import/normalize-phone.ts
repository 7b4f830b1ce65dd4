// Phone numbers are stored in E.164 (`+8613812345678`). Chinese mobiles are accepted in the forms people
// type; other countries only with `+` (or `00`) and their country code, since a bare number is ambiguous.

export type PhoneCheck = { ok: true; e164: string } | { ok: false; reason: string };

const SEPARATORS = /[\s\-().\u00a0]/g;
const CN_MOBILE = /^1[3-9]\d{9}$/;

export function normalizePhone(raw: string): PhoneCheck {
  // NFKC turns full-width digits and plus signs (１３８, ＋８６) into ASCII.
  // eslint-disable-next-line no-control-regex
  const text = /[^\x00-\x7f]/.test(raw) ? raw.normalize('NFKC') : raw;
  let digits = text.replace(SEPARATORS, '');
  if (digits === '') return { ok: false, reason: 'empty' };
  let international = false;
  if (digits.startsWith('+')) {
    international = true;
    digits = digits.slice(1);
  } else if (digits.startsWith('00')) {
    international = true;
    digits = digits.slice(2);
  }
  if (!/^\d+$/.test(digits))
    return { ok: false, reason: 'only digits, spaces, dashes and a leading + are allowed' };

  if (CN_MOBILE.test(digits) && !international) return { ok: true, e164: `+86${digits}` };
  if (digits.startsWith('86') && CN_MOBILE.test(digits.slice(2))) return { ok: true, e164: `+${digits}` };
  if (!international || digits.startsWith('86')) {
    return { ok: false, reason: 'not a mobile number' };
  }
  if (digits.startsWith('0')) return { ok: false, reason: 'a country code never starts with 0' };
  // E.164 allows at most 15 digits; below 7 no country has a dialable subscriber number.
  if (digits.length < 7 || digits.length > 15) {
    return { ok: false, reason: `${digits.length} digits is not a plausible international number (7 to 15)` };
  }
  return { ok: true, e164: `+${digits}` };
}

/** For roles that may not see PII: `+8613812345678` → `+86 138****5678`. */
export function maskPhone(e164: string): string {
  const cn = /^\+86(1\d{2})\d{4}(\d{4})$/.exec(e164);
  if (cn) return `+86 ${cn[1]}****${cn[2]}`;
  const digits = e164.replace(/\D/g, '');
  if (digits.length < 8) return '*'.repeat(Math.max(0, digits.length - 2)) + digits.slice(-2);
  // Keep what identifies the country and the last four digits, as Chinese apps do.
  return `+${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}
