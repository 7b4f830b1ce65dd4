// One append-only migration history for both dialects (src/migrations). Applied at start and by
// `guimi migrate`.
import { Migrator, type Kysely, type Migration, type MigrationResult } from 'kysely';
import { migrations } from '../../migrations/index.js';
import type { Dialect } from './database.js';
import type { Store } from './open-store.js';

export interface GuimiMigration {
  name: string;
  up(db: Kysely<unknown>, dialect: Dialect): Promise<void>;
}

export async function migrateToLatest(store: Store): Promise<MigrationResult[]> {
  const provided: Record<string, Migration> = {};
  for (const m of migrations) {
    provided[m.name] = { up: (db) => m.up(db as Kysely<unknown>, store.dialect) };
  }
  const migrator = new Migrator({
    db: store.db,
    provider: { getMigrations: async () => provided },
    migrationTableName: 'guimi_migrations',
    migrationLockTableName: 'guimi_migrations_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return results ?? [];
}
