import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.js';
import { idListOf, parseIdList } from './id-list.js';

describe.each(storeKinds())('id lists on $title', ({ name, skip }) => {
  let store: TestStore;
  beforeAll(async () => {
    if (!skip) store = await openTestStore(name);
  });
  afterAll(async () => {
    if (!skip) await store.close();
  });

  it.skipIf(skip)(
    "gathers a group's ids (beyond 32 bits) into one value, an empty group into none",
    async () => {
      const db = store.db;
      const { rows } = await sql<{ g: number; ids: unknown; none: unknown }>`
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6)
      SELECT i % 2 AS g, ${idListOf(db, sql`4000000000 + i`)} AS ids,
        ${idListOf(db, sql`i`)} FILTER (WHERE i > 6) AS none
      FROM n GROUP BY i % 2 ORDER BY g`.execute(db);
      const lists = rows.map((r) => ({
        g: Number(r.g),
        ids: parseIdList(r.ids).sort((a, b) => a - b),
        none: parseIdList(r.none),
      }));
      expect(lists).toEqual([
        { g: 0, ids: [4_000_000_002, 4_000_000_004, 4_000_000_006], none: [] },
        { g: 1, ids: [4_000_000_001, 4_000_000_003, 4_000_000_005], none: [] },
      ]);
    },
  );
});
