// Which dialect a store handle (or transaction) talks to, for the few statements written per dialect.
import { PostgresAdapter } from 'kysely';
import type { Db, Dialect } from './database.js';

export function dialectOf(db: Db): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
