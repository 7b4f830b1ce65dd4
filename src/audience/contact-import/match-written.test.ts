import { describe, expect, it } from 'vitest';
import type { ContactImportRow } from '../import/contact-row.js';
import { matchWritten } from './match-written.js';

const rows = ['a', 'b', 'c', 'd'].map((externalId) => ({ externalId }) as ContactImportRow);
const placed = (written: { id: number; external_id: string }[]) => {
  const out: [number, number][] = [];
  matchWritten(rows, written, (i, w) => out.push([i, w.id]));
  return out.sort((x, y) => x[0] - y[0]);
};

describe('matchWritten', () => {
  it('pairs contacts returned in the batch order, some rows not written', () => {
    expect(
      placed([
        { id: 11, external_id: 'b' },
        { id: 13, external_id: 'd' },
      ]),
    ).toEqual([
      [1, 11],
      [3, 13],
    ]);
  });

  it('pairs them by external id when the store returns another order', () => {
    expect(
      placed([
        { id: 13, external_id: 'd' },
        { id: 10, external_id: 'a' },
        { id: 12, external_id: 'c' },
      ]),
    ).toEqual([
      [0, 10],
      [2, 12],
      [3, 13],
    ]);
  });

  it('places nothing when nothing was written', () => {
    expect(placed([])).toEqual([]);
  });
});
