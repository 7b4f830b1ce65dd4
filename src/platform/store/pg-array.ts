// PostgreSQL array literals built directly. The driver turns a JS array into one by running two regular
// expressions over every element; for the 40,000-element arrays of an import batch that was ~2 s of a 1M
// import's client CPU and much of its garbage. Bound as text and cast in SQL (`$1::text[]`).

/** `{1,2,3}` for integers. */
export function pgIntArray(values: readonly (number | null | undefined)[]): string {
  return literal(values, (v) => {
    if (!Number.isSafeInteger(v)) throw new TypeError(`not an integer: ${v}`);
    return String(v);
  });
}

const NEEDS_ESCAPE = /["\\]/;

/** `{"a","b\"c",NULL}` for text: every element quoted, so no word (NULL, spaces, braces) is misread. */
export function pgTextArray(values: readonly (string | null | undefined)[]): string {
  return literal(values, (v) => (NEEDS_ESCAPE.test(v) ? `"${v.replace(/[\\"]/g, '\\$&')}"` : `"${v}"`));
}

function literal<T>(values: readonly (T | null | undefined)[], element: (v: T) => string): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i > 0) out += ',';
    out += v === null || v === undefined ? 'NULL' : element(v);
  }
  return out + '}';
}
