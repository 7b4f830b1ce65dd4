// Pairs the contacts an upsert wrote with the batch rows they came from.
import type { ContactImportRow } from '../import/contact-row.js';
import type { UpsertedContact } from './contact-upsert-sql.js';

/**
 * Calls `place(i, w)` once with the row each written contact came from. The store returns them in the batch's
 * order, so both lists are walked in step; should it not, the rest are matched by external id (unique in
 * a batch).
 */
export function matchWritten(
  rows: readonly ContactImportRow[],
  written: readonly UpsertedContact[],
  place: (i: number, w: UpsertedContact) => void,
): void {
  let j = 0;
  for (let i = 0; i < rows.length && j < written.length; i++) {
    if (rows[i]!.externalId === written[j]!.external_id) place(i, written[j++]!);
  }
  if (j === written.length) return;
  // written[0..j) were paired in step; the rest by external id.
  const at = new Map(rows.map((r, i) => [r.externalId, i]));
  for (; j < written.length; j++) place(at.get(written[j]!.external_id)!, written[j]!);
}
