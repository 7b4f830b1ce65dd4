import type { ApiError } from '../api.js';

/**
 * Splits an API error between a form's fields and its banner: messages about a field the form
 * shows go under that field; anything else (or a field the form lacks) stays in the banner.
 */
export function formErrors<F extends string>(
  error: ApiError | null,
  formFields: readonly F[],
): { banner: ApiError | null; fields: Partial<Record<F, string>> } {
  if (!error) return { banner: null, fields: {} };
  const all = error.fieldErrors;
  const fields: Partial<Record<F, string>> = {};
  for (const f of formFields) if (all[f]) fields[f] = all[f];
  const unplaced = Object.keys(all).some((k) => !(formFields as readonly string[]).includes(k));
  const placedAny = Object.keys(fields).length > 0;
  return { banner: placedAny && !unplaced ? null : error, fields };
}
