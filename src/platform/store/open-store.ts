// Opens the store: SQLite (better-sqlite3, WAL, foreign keys) under the data dir by default, PostgreSQL
// when DATABASE_URL is set. Failures become clear errors that name the file or server.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type CompiledQuery } from 'kysely';
import pg from 'pg';
import { AppError } from '../errors.js';
import type { Database, Db, Dialect } from './database.js';
import { migrateToLatest } from './migrate.js';
import { primePlannerStats } from './planner-stats.js';
import { withStatementCache } from './statement-cache.js';
import { BACKSTOP_BYTES, startSqliteWorker } from './sqlite-worker.js';

// Epoch milliseconds are stored as BIGINT; they fit a JS number exactly.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export interface Store {
  db: Db;
  dialect: Dialect;
  /** Where the data lives, for messages: a file path or a host/database (never a password). */
  location: string;
  /**
   * Runs a read that returns a lot (a page of an index rebuild) off the writer's thread where it can: on
   * SQLite a worker's own connection (see sqlite-worker.ts), on PostgreSQL the pool as usual.
   */
  bulkRead<R>(query: CompiledQuery): Promise<R[]>;
  close(): Promise<void>;
}

export interface StoreOptions {
  dataDir: string;
  databaseUrl?: string | undefined;
  /** PostgreSQL schema to use (tests isolate themselves in their own schema). */
  pgSchema?: string;
  migrate?: boolean;
}

export async function openStore(options: StoreOptions): Promise<Store> {
  const sqlite = options.databaseUrl ? null : openSqlite(options.dataDir);
  const store = sqlite?.store ?? (await openPostgres(options.databaseUrl!, options.pgSchema));
  if (options.migrate !== false) {
    try {
      await migrateToLatest(store);
      if (sqlite) primePlannerStats(sqlite.conn);
    } catch (e) {
      await store.close();
      throw translateStoreError(e, store.location);
    }
  }
  return store;
}

/** The page size of a new SQLite store, in bytes. */
export const PAGE_SIZE = 16_384;

function openSqlite(dataDir: string): { store: Store; conn: SQLite.Database } {
  const file = join(dataDir, 'guimi.db');
  let conn: SQLite.Database;
  try {
    mkdirSync(dataDir, { recursive: true });
    conn = new SQLite(file, { timeout: 5000 });
    // Only takes effect on a new database (WAL fixes the page size once the file exists). Bulk writes do
    // a quarter of the per-page work (log frames, balancing) with 16 KiB pages: on the benches, 1M events
    // ingest 54k/s -> 65-72k/s, enrolling 1M contacts 18.4-19.4 s -> 16.2 s.
    conn.pragma(`page_size = ${PAGE_SIZE}`);
    conn.pragma('journal_mode = WAL');
    conn.pragma('foreign_keys = ON');
    conn.pragma('synchronous = NORMAL');
    // 64 MiB of page cache (the default is 2 MiB): bulk writes touch many index pages.
    conn.pragma('cache_size = -65536');
    const pageSize = conn.pragma('page_size', { simple: true }) as number;
    conn.pragma(`wal_autocheckpoint = ${Math.round(BACKSTOP_BYTES / pageSize)}`);
    conn.prepare('select count(*) from sqlite_master').get();
  } catch (e) {
    throw translateStoreError(e, file);
  }
  const worker = startSqliteWorker(file);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(conn) }) });
  const close = async () => {
    await worker.stop();
    await db.destroy();
  };
  const bulkRead = <R>(query: CompiledQuery) => worker.read<R>(query.sql, query.parameters);
  return { store: { db, dialect: 'sqlite', location: file, bulkRead, close }, conn };
}

async function openPostgres(databaseUrl: string, schema?: string): Promise<Store> {
  const u = new URL(databaseUrl);
  const location = `postgresql://${u.hostname}:${u.port || 5432}${u.pathname}`;
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 10,
    connectionTimeoutMillis: 5000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client's network error must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
    await sql`select 1`.execute(db);
  } catch (e) {
    await db.destroy();
    throw translateStoreError(e, location);
  }
  const bulkRead = async <R>(query: CompiledQuery) => (await db.executeQuery<R>(query)).rows;
  return { db, dialect: 'postgres', location, bulkRead, close: () => db.destroy() };
}

/** Turns driver errors into AppErrors that say what and where, without secrets. */
export function translateStoreError(e: unknown, location: string): unknown {
  if (e instanceof AppError) return e;
  const err = e as { code?: string; message?: string };
  const code = err.code ?? '';
  const message = err.message ?? String(e);
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || /not a database|malformed/i.test(message)) {
    return new AppError(
      'STORE_CORRUPT',
      `the SQLite file ${location} is corrupt or not a database (${message})`,
      {
        location,
      },
    );
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || /database is locked/i.test(message)) {
    return new AppError('STORE_LOCKED', `the SQLite file ${location} is locked by another process`, {
      location,
    });
  }
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'EACCES' || code === 'ENOTDIR') {
    return new AppError('STORE_UNAVAILABLE', `cannot open the SQLite file ${location}: ${message}`, {
      location,
    });
  }
  if (
    ['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EAI_AGAIN', '3D000', '28P01', '28000'].includes(code) ||
    /timeout exceeded when trying to connect|Connection terminated/i.test(message)
  ) {
    return new AppError('STORE_UNAVAILABLE', `cannot reach PostgreSQL at ${location}: ${message}`, {
      location,
    });
  }
  return e;
}
