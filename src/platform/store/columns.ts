// Column helpers that differ between SQLite and PostgreSQL, for migrations.
import type { ColumnDefinitionBuilder, CreateTableBuilder } from 'kysely';
import type { Dialect } from './database.js';

/** An auto-increment integer primary key (roaring bitmaps index contacts by it). */
export function serialPrimaryKey<T extends string, C extends string>(
  table: CreateTableBuilder<T, C>,
  name: C,
  dialect: Dialect,
): CreateTableBuilder<T, C> {
  return dialect === 'sqlite'
    ? table.addColumn(name, 'integer', (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement())
    : table.addColumn(name, 'bigint', (c: ColumnDefinitionBuilder) =>
        c.primaryKey().generatedAlwaysAsIdentity(),
      );
}
