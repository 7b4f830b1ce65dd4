// Array literals built by hand must read back in PostgreSQL exactly as the values went in.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.js';
import { pgIntArray, pgTextArray } from './pg-array.js';

const postgres = storeKinds().find((k) => k.name === 'postgres')!;

// The skip reason (PostgreSQL unreachable outside CI) is in the title; with CI=true .ci/run fails instead.
describe(`PostgreSQL array literals on ${postgres.title}`, () => {
  let store: TestStore;
  beforeAll(async () => {
    if (!postgres.skip) store = await openTestStore('postgres');
  });
  afterAll(async () => {
    if (!postgres.skip) await store.close();
  });

  it.skipIf(postgres.skip)(
    `read back every text, null and integer as given (${postgres.skip ?? 'runs'})`,
    async () => {
      const texts = [
        'plain',
        '',
        'NULL',
        'a,b',
        '{x}',
        ' sp ',
        'q"uote',
        'back\\slash',
        '\\"',
        '敏感肌 🌸',
        null,
      ];
      const ints = [0, -1, 4_000_000_000_123, null, 42];
      const { rows } = await sql<{ t: (string | null)[]; i: (number | null)[] }>`
      select ${pgTextArray(texts)}::text[] as t, ${pgIntArray(ints)}::bigint[] as i`.execute(store.db);
      expect(rows[0]!.t).toEqual(texts);
      expect(rows[0]!.i.map((v) => (v === null ? null : Number(v)))).toEqual(ints);
    },
  );

  it('refuses a number that is not an integer', () => {
    expect(() => pgIntArray([1, 2.5])).toThrow('not an integer: 2.5');
  });
});
