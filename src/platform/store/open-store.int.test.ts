// The store on both dialects: migrations, transactions, and clear errors for broken stores.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, storeKinds, tempDir, type TestStore } from '../../../test/support/stores.js';
import { AppError } from '../errors.js';
import { migrateToLatest } from './migrate.js';
import { openStore, PAGE_SIZE } from './open-store.js';

describe.each(storeKinds())('store on $title', ({ name, skip }) => {
  let store: TestStore;
  beforeAll(async () => {
    if (!skip) store = await openTestStore(name);
  });
  afterAll(async () => store?.close());

  it.skipIf(skip)(`applies the migration history once (${skip ?? 'runs'})`, async () => {
    const again = await migrateToLatest(store);
    expect(again).toEqual([]);
    const applied = await sql<{ name: string }>`select name from guimi_migrations order by name`.execute(
      store.db,
    );
    expect(applied.rows.map((r) => r.name)[0]).toBe('0001_foundation');
  });

  it.skipIf(skip)('rolls back a failed transaction completely', async () => {
    const now = new Date().toISOString();
    await expect(
      store.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('workspaces')
          .values({ id: 'ws_tx', slug: 'tx', name: 'tx', timezone: 'UTC', created_at: now })
          .execute();
        await trx
          .insertInto('workspaces')
          .values({ id: 'ws_tx', slug: 'tx2', name: 'dup id', timezone: 'UTC', created_at: now })
          .execute();
      }),
    ).rejects.toThrow();
    expect(await store.db.selectFrom('workspaces').select('id').where('id', '=', 'ws_tx').execute()).toEqual(
      [],
    );
  });

  it.skipIf(skip)('enforces foreign keys', async () => {
    await expect(
      store.db
        .insertInto('memberships')
        .values({
          workspace_id: 'nope',
          user_id: 'nope',
          role: 'owner',
          koc_id: null,
          created_at: new Date().toISOString(),
        })
        .execute(),
    ).rejects.toThrow();
  });
});

describe('SQLite page size', () => {
  const pageSize = (dir: string) => {
    const conn = new SQLite(join(dir, 'guimi.db'), { readonly: true });
    try {
      return conn.pragma('page_size', { simple: true });
    } finally {
      conn.close();
    }
  };

  it('is 16 KiB for a new store, and an older store keeps its own', async () => {
    const fresh = tempDir();
    await (await openStore({ dataDir: fresh })).close();
    expect(PAGE_SIZE).toBe(16_384);
    expect(pageSize(fresh)).toBe(PAGE_SIZE);

    const older = tempDir();
    mkdirSync(older, { recursive: true });
    const conn = new SQLite(join(older, 'guimi.db'));
    conn.pragma('page_size = 4096');
    conn.pragma('journal_mode = WAL');
    conn.exec('create table kept (v text); insert into kept values (1);');
    conn.close();
    const store = await openStore({ dataDir: older });
    const kept = await sql<{ v: string }>`select v from kept`.execute(store.db);
    await store.close();
    expect(kept.rows).toEqual([{ v: '1' }]);
    expect(pageSize(older)).toBe(4096);
  });
});

describe('broken stores give clear errors', () => {
  it('names a corrupt SQLite file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'guimi.db'), 'this is not a database, just text '.repeat(200));
    const err = await openStore({ dataDir: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('STORE_CORRUPT');
    expect((err as AppError).message).toContain(join(dir, 'guimi.db'));
  });

  it('says when the SQLite file is locked by another process', async () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    const holder = new SQLite(join(dir, 'guimi.db'));
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('create table x(a); begin exclusive; insert into x values (1);');
    const err = await openStore({ dataDir: dir }).catch((e: unknown) => e);
    holder.exec('rollback');
    holder.close();
    expect((err as AppError).code).toBe('STORE_LOCKED');
  }, 20_000);

  it('names an unreachable PostgreSQL without its password', async () => {
    const err = await openStore({
      dataDir: tempDir(),
      databaseUrl: 'postgresql://guimi:s3cret@127.0.0.1:1/guimi',
    }).catch((e: unknown) => e);
    expect((err as AppError).code).toBe('STORE_UNAVAILABLE');
    expect((err as AppError).message).toContain('127.0.0.1:1');
    expect((err as AppError).message).not.toContain('s3cret');
  });
});
