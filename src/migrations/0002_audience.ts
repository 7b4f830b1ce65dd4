// Audience: contacts, tag groups and tags, interaction events, saved segments, auto-tag rules, erasure
// records, and the change feed that keeps every process's segment index current.
import type { Kysely } from 'kysely';
import { serialPrimaryKey } from '../platform/store/columns.js';
import type { GuimiMigration } from '../platform/store/migrate.js';

export const audience: GuimiMigration = {
  name: '0002_audience',
  async up(db: Kysely<unknown>, dialect) {
    const epochMs = dialect === 'sqlite' ? 'integer' : 'bigint';
    await serialPrimaryKey(db.schema.createTable('contacts'), 'id', dialect)
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('external_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text')
      .addColumn('phone', 'text')
      .addColumn('wechat_id', 'text')
      .addColumn('wecom_external_userid', 'text')
      .addColumn('gender', 'text')
      .addColumn('city', 'text')
      .addColumn('birth_year', 'integer')
      .addColumn('source', 'text')
      .addColumn('owner_koc_id', 'text')
      .addColumn('attrs', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('erased_at', 'text')
      .addColumn('merged_into', epochMs)
      .addUniqueConstraint('contacts_ws_external', ['workspace_id', 'external_id'])
      .execute();
    await db.schema
      .createIndex('contacts_ws_phone')
      .on('contacts')
      .columns(['workspace_id', 'phone'])
      .execute();
    await db.schema
      .createIndex('contacts_ws_created')
      .on('contacts')
      .columns(['workspace_id', 'created_at'])
      .execute();
    await db.schema
      .createIndex('contacts_ws_owner')
      .on('contacts')
      .columns(['workspace_id', 'owner_koc_id'])
      .execute();

    await db.schema
      .createTable('tag_groups')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('tag_groups_ws_name', ['workspace_id', 'name'])
      .execute();
    await db.schema
      .createTable('tags')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('group_id', 'text', (c) => c.references('tag_groups.id').onDelete('set null'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('tags_ws_name', ['workspace_id', 'name'])
      .execute();
    await db.schema
      .createTable('contact_tags')
      .addColumn('contact_id', epochMs, (c) => c.notNull().references('contacts.id').onDelete('cascade'))
      .addColumn('tag_id', 'text', (c) => c.notNull().references('tags.id').onDelete('cascade'))
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('added_at', 'text', (c) => c.notNull())
      .addColumn('added_by', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('contact_tags_pk', ['contact_id', 'tag_id'])
      .execute();
    await db.schema.createIndex('contact_tags_tag').on('contact_tags').column('tag_id').execute();

    await serialPrimaryKey(db.schema.createTable('events'), 'seq', dialect)
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('contact_id', epochMs, (c) => c.notNull().references('contacts.id').onDelete('cascade'))
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('at', epochMs, (c) => c.notNull())
      .addColumn('source_kind', 'text')
      .addColumn('source_id', 'text')
      .addColumn('props', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('events_ws_event', ['workspace_id', 'event_id'])
      .execute();
    await db.schema.createIndex('events_contact_at').on('events').columns(['contact_id', 'at']).execute();
    await db.schema
      .createIndex('events_ws_type_at')
      .on('events')
      .columns(['workspace_id', 'type', 'at'])
      .execute();

    await db.schema
      .createTable('segments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('expression', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('segments_ws_name', ['workspace_id', 'name'])
      .execute();

    await db.schema
      .createTable('tag_rules')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('trigger', 'text', (c) => c.notNull())
      .addColumn('event_type', 'text')
      .addColumn('props_match', 'text')
      .addColumn('min_count', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('within_days', 'integer')
      .addColumn('condition', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('tag_id', 'text', (c) => c.notNull().references('tags.id').onDelete('cascade'))
      .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('erasures')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('subject_hash', 'text', (c) => c.notNull())
      .addColumn('requested_by', 'text', (c) => c.notNull())
      .addColumn('removed', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();

    await serialPrimaryKey(db.schema.createTable('audience_changes'), 'seq', dialect)
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('contact_id', epochMs, (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('audience_changes_ws_seq')
      .on('audience_changes')
      .columns(['workspace_id', 'seq'])
      .execute();
  },
};
