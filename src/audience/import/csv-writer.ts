// Writes CSV for exports (contacts, segments). Excel reads a UTF-8 CSV in the local code page (GBK on
// Chinese Windows, so 中文 turns into mojibake) unless the file starts with a BOM: write CSV_BOM once,
// before the first line. Our own importer accepts files with or without it.

export const CSV_BOM = '\uFEFF';

export interface CsvLineOptions {
  /**
   * Prefix `'` to text that a spreadsheet would run as a formula (=, +, -, @ first): fan nicknames are
   * chosen by strangers. Numbers and phone numbers (`+8613812345678`) are left as they are. Default on;
   * turn off for files meant for machines, not spreadsheets.
   */
  formulaGuard?: boolean;
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER_LIKE = /^[+-]?[\d\s().-]*\d[\d\s().-]*$/;

/** One CSV line, ending with CRLF (RFC 4180); null is an empty field. */
export function toCsvLine(values: readonly (string | number | null)[], options: CsvLineOptions = {}): string {
  const guard = options.formulaGuard ?? true;
  let line = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += ',';
    line += csvField(values[i] ?? null, guard);
  }
  return line + '\r\n';
}

function csvField(value: string | number | null, guard: boolean): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = guard && FORMULA_START.test(value) && !NUMBER_LIKE.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
