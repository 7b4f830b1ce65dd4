// Which SQL dialect a Kysely instance (or transaction) speaks, for the few statements written by hand.
import { PostgresAdapter } from 'kysely';
import type { Db, Dialect } from '../../platform/store/database.js';

export function dialectOf(db: Db): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
