import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.js';
import { insertRows, insertValues } from './insert-rows.js';

const COLUMNS = ['k', 'ws', 'n', 'note', 'at'] as const;

// Each test runs on SQLite and PostgreSQL. `skip` is set only for PostgreSQL, only when it is unreachable
// (storeKinds puts the reason in the title: "postgres (skipped: …)"); with CI=true .ci/run fails instead.
describe.each(storeKinds())('bulk inserts on $title', ({ name, skip }) => {
  let store: TestStore;
  beforeAll(async () => {
    if (!skip) {
      store = await openTestStore(name);
      await sql`create table bulk_probe (k text primary key, ws text not null, n integer, note text, at text)`.execute(
        store.db,
      );
    }
  });
  afterAll(async () => {
    if (!skip) await store.close();
  });

  const stored = async () =>
    (
      await sql<{ k: string; ws: string; n: number | null; note: string | null; at: string | null }>`
        select k, ws, n, note, at from bulk_probe order by k`.execute(store.db)
    ).rows.map((r) => [r.k, r.ws, r.n === null ? null : Number(r.n), r.note, r.at]);

  it.skipIf(skip)(
    'writes every row as given, with columns shared by all rows, nulls, several statements and a conflict tail',
    async () => {
      await sql`delete from bulk_probe`.execute(store.db);
      // 20,000 rows pass one statement's parameters; ws, note and at are the same in every row.
      const rows = Array.from({ length: 20_000 }, (_, i) => [
        `k${String(i).padStart(5, '0')}`,
        'ws_1',
        i % 3 === 0 ? null : i,
        null,
        '2026-03-01T12:00:00.000Z',
      ]);
      const first = await insertRows(store.db, 'bulk_probe', COLUMNS, rows, {
        tail: 'on conflict (k) do nothing',
      });
      expect(first.inserted).toBe(20_000);
      expect(await stored()).toEqual(rows);

      // Again with one new row: only it goes in, and RETURNING gives it back.
      const again = await insertValues<{ k: string }>(
        store.db,
        'bulk_probe',
        COLUMNS,
        [...rows.slice(0, 2).flat(), 'k99999', 'ws_1', 7, 'new', null],
        { tail: 'on conflict (k) do nothing returning k' },
      );
      expect(again).toEqual({ inserted: 1, returned: [{ k: 'k99999' }] });
      expect((await stored()).at(-1)).toEqual(['k99999', 'ws_1', 7, 'new', null]);
    },
  );

  it.skipIf(skip)('writes rows whose every column is shared, and a single row', async () => {
    await sql`delete from bulk_probe`.execute(store.db);
    const twin = ['same', 'ws_2', 1, 'x', null];
    await insertValues(store.db, 'bulk_probe', COLUMNS, [...twin, ...twin], {
      tail: 'on conflict (k) do nothing',
    });
    await insertRows(store.db, 'bulk_probe', COLUMNS, [['one', 'ws_2', 2, null, null]]);
    expect(await stored()).toEqual([['one', 'ws_2', 2, null, null], twin]);
    await expect(insertValues(store.db, 'bulk_probe', COLUMNS, [1, 2, 3])).rejects.toThrow(
      /3 values do not make rows of 5/,
    );
  });
});
