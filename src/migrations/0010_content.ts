// Content libraries: materials (files and cards) in folders with tags, scripts (message templates) with
// their attachments and search terms, and each workspace's sensitive-word list.
import type { Kysely } from 'kysely';
import type { GuimiMigration } from '../platform/store/migrate.js';

export const content: GuimiMigration = {
  name: '0010_content',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('material_folders')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('material_folders_ws_name', ['workspace_id', 'name'])
      .execute();
    await db.schema
      .createTable('materials')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('folder_id', 'text', (c) => c.references('material_folders.id').onDelete('set null'))
      .addColumn('file_sha256', 'text')
      .addColumn('file_size', 'integer')
      .addColumn('mime_type', 'text')
      .addColumn('file_name', 'text')
      .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('use_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_used_at', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text')
      .execute();
    await db.schema.createIndex('materials_ws_id').on('materials').columns(['workspace_id', 'id']).execute();
    await db.schema.createIndex('materials_sha').on('materials').column('file_sha256').execute();
    await db.schema
      .createTable('material_tags')
      .addColumn('material_id', 'text', (c) => c.notNull().references('materials.id').onDelete('cascade'))
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('tag', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('material_tags_pk', ['material_id', 'tag'])
      .execute();
    await db.schema
      .createIndex('material_tags_ws_tag')
      .on('material_tags')
      .columns(['workspace_id', 'tag'])
      .execute();

    await db.schema
      .createTable('scripts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('promotion', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('variables', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('scripts_ws_id').on('scripts').columns(['workspace_id', 'id']).execute();
    await db.schema
      .createTable('script_materials')
      .addColumn('script_id', 'text', (c) => c.notNull().references('scripts.id').onDelete('cascade'))
      .addColumn('material_id', 'text', (c) => c.notNull().references('materials.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('script_materials_pk', ['script_id', 'material_id'])
      .execute();
    await db.schema
      .createIndex('script_materials_material')
      .on('script_materials')
      .column('material_id')
      .execute();
    // Search index: one row per (script, term) of the name and body, cut by jieba; hits rank results.
    await db.schema
      .createTable('script_terms')
      .addColumn('script_id', 'text', (c) => c.notNull().references('scripts.id').onDelete('cascade'))
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('term', 'text', (c) => c.notNull())
      .addColumn('hits', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('script_terms_pk', ['script_id', 'term'])
      .execute();
    await db.schema
      .createIndex('script_terms_ws_term')
      .on('script_terms')
      .columns(['workspace_id', 'term'])
      .execute();

    await db.schema
      .createTable('sensitive_words')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('word', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('sensitive_words_ws_word', ['workspace_id', 'word'])
      .execute();
  },
};
