// The WAL is checkpointed by the worker thread, not by the writer's commits: data written well below the
// writer's own threshold (BACKSTOP_PAGES) still reaches the database file, and closing leaves no log behind.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/stores.js';
import { openStore } from './open-store.js';
import { BACKSTOP_PAGES } from './wal-checkpointer.js';

describe('WAL checkpoints on SQLite', () => {
  it('copies committed pages into the database file from the worker, and closes cleanly', async () => {
    const dir = tempDir();
    const file = join(dir, 'guimi.db');
    const store = await openStore({ dataDir: dir });
    const before = statSync(file).size;
    // About 2,500 pages of 4 KiB: far below the writer's own automatic checkpoint.
    const payload = 'x'.repeat(1000);
    await sql`create table filler (v text)`.execute(store.db);
    for (let batch = 0; batch < 5; batch++) {
      await store.db.transaction().execute(async (trx) => {
        for (let i = 0; i < 2000; i++) await sql`insert into filler (v) values (${payload + i})`.execute(trx);
      });
    }
    const wal = statSync(`${file}-wal`).size;
    expect(wal / 4096).toBeLessThan(BACKSTOP_PAGES);
    const deadline = Date.now() + 10_000;
    while (statSync(file).size < before + 8_000_000 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(statSync(file).size).toBeGreaterThan(before + 8_000_000);
    await store.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
  });
});
