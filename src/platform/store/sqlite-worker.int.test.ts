// The store's SQLite worker thread: it checkpoints the WAL (data written well below the writer's own
// threshold, BACKSTOP_PAGES, still reaches the database file; closing leaves no log behind) and serves
// bulk reads on its own connection, which see every committed write.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CompiledQuery, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/stores.js';
import { openStore } from './open-store.js';
import { BACKSTOP_BYTES } from './sqlite-worker.js';

describe('WAL checkpoints on SQLite', () => {
  it('copies committed pages into the database file from the worker, and closes cleanly', async () => {
    const dir = tempDir();
    const file = join(dir, 'guimi.db');
    const store = await openStore({ dataDir: dir });
    const before = statSync(file).size;
    // About 10 MB: far below the writer's own automatic checkpoint.
    const payload = 'x'.repeat(1000);
    await sql`create table filler (v text)`.execute(store.db);
    for (let batch = 0; batch < 5; batch++) {
      await store.db.transaction().execute(async (trx) => {
        for (let i = 0; i < 2000; i++) await sql`insert into filler (v) values (${payload + i})`.execute(trx);
      });
    }
    const wal = statSync(`${file}-wal`).size;
    expect(wal).toBeLessThan(BACKSTOP_BYTES);
    const deadline = Date.now() + 10_000;
    while (statSync(file).size < before + 8_000_000 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(statSync(file).size).toBeGreaterThan(before + 8_000_000);
    await store.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
  });
});

describe('bulk reads on SQLite', () => {
  it('see committed writes, keep their values, and fail with the statement error', async () => {
    const store = await openStore({ dataDir: tempDir() });
    try {
      await sql`create table t (id integer primary key, label text, big integer)`.execute(store.db);
      await sql`insert into t (label, big) values ('敏感肌 🌸', 4000000000), (null, -1)`.execute(store.db);
      const rows = await store.bulkRead(sql`select * from t where id >= ${1} order by id`.compile(store.db));
      expect(rows).toEqual([
        { id: 1, label: '敏感肌 🌸', big: 4_000_000_000 },
        { id: 2, label: null, big: -1 },
      ]);
      await expect(store.bulkRead(CompiledQuery.raw('select * from missing'))).rejects.toThrow(
        /no such table: missing/,
      );
    } finally {
      await store.close();
    }
    await expect(store.bulkRead(CompiledQuery.raw('select 1'))).rejects.toThrow(/closed/);
  });
});
