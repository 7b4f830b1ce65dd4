import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from './open-store.js';

const dir = mkdtempSync(join(tmpdir(), 'guimi-planner-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('primePlannerStats', () => {
  it('makes SQLite look up a long id list by key instead of walking the workspace index', async () => {
    const store = await openStore({ dataDir: dir });
    await store.close();
    const conn = new SQLite(join(dir, 'guimi.db'));
    const ids = Array.from({ length: 5000 }, (_, i) => i + 1).join(',');
    const plan = conn
      .prepare(`explain query plan select id from contacts where workspace_id = 'w' and id in (${ids})`)
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/INTEGER PRIMARY KEY/);
    conn.close();
  });
});
