// Isolated stores for tests: a temp SQLite folder, or a PostgreSQL schema of its own inside the run's
// database. Use `storeKinds()` with describe.each so every store test runs on both.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { openStore, type Store } from '../../src/platform/store/open-store.js';

export interface StoreKind {
  name: 'sqlite' | 'postgres';
  /** Why this kind is skipped here, or null when it runs. */
  skip: string | null;
  /** For describe titles: the store, and why its tests are skipped when they are. */
  title: string;
}

export function storeKinds(): StoreKind[] {
  const pgSkip = inject('pgUrl') ? null : (inject('pgSkipReason') ?? 'no PostgreSQL');
  return [
    { name: 'sqlite', skip: null, title: 'sqlite' },
    { name: 'postgres', skip: pgSkip, title: pgSkip ? `postgres (skipped: ${pgSkip})` : 'postgres' },
  ];
}

export function tempDir(prefix = 'guimi-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The env a server or CLI needs to use the same isolated store as `store`. */
export interface TestStore extends Store {
  env: Record<string, string>;
}

export async function openTestStore(kind: StoreKind['name']): Promise<TestStore> {
  if (kind === 'sqlite') {
    const dir = tempDir();
    const store = await openStore({ dataDir: dir });
    return {
      ...store,
      env: { GUIMI_DATA_DIR: dir },
      close: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const pgUrl = inject('pgUrl');
  if (!pgUrl) throw new Error('PostgreSQL is not available in this run');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const store = await openStore({ dataDir: tempDir(), databaseUrl: pgUrl, pgSchema: schema });
  const url = new URL(pgUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    ...store,
    env: { DATABASE_URL: url.toString() },
    close: async () => {
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(store.db);
      await store.close();
    },
  };
}
