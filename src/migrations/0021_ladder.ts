// The fan ladder (路人粉 → 好感粉 → 铁粉 → 代颜粉): per-workspace rules, each contact's current tier and its
// history, leader-tier applications, the bounded sweep's cursor; and communities (社群) mapped onto the
// dispatch core's channel groups, with their members and roles.
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import { serialPrimaryKey } from '../platform/store/columns.js';
import type { GuimiMigration } from '../platform/store/migrate.js';

export const ladder: GuimiMigration = {
  name: '0021_ladder',
  async up(db: Kysely<unknown>, dialect) {
    const bigint = dialect === 'sqlite' ? 'integer' : 'bigint';
    const ws = (c: ColumnDefinitionBuilder) => c.notNull().references('workspaces.id').onDelete('cascade');
    await db.schema
      .createTable('ladder_settings')
      .addColumn('workspace_id', 'text', (c) =>
        c.primaryKey().references('workspaces.id').onDelete('cascade'),
      )
      // null: the defaults in code (src/koc/ladder/ladder-settings.ts).
      .addColumn('settings', 'text')
      .addColumn('sweep_cursor', bigint, (c) => c.notNull().defaultTo(0))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    // The segment compiler reads (workspace_id, contact_id, tier): keep that shape.
    await db.schema
      .createTable('contact_tiers')
      .addColumn('workspace_id', 'text', ws)
      .addColumn('contact_id', bigint, (c) => c.notNull().references('contacts.id').onDelete('cascade'))
      .addColumn('tier', 'text', (c) => c.notNull())
      .addColumn('since', 'text', (c) => c.notNull())
      .addColumn('rule', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('contact_tiers_pk', ['workspace_id', 'contact_id'])
      .execute();
    await db.schema
      .createIndex('contact_tiers_tier')
      .on('contact_tiers')
      .columns(['workspace_id', 'tier'])
      .execute();
    await serialPrimaryKey(db.schema.createTable('tier_history'), 'seq', dialect)
      .addColumn('workspace_id', 'text', ws)
      .addColumn('contact_id', bigint, (c) => c.notNull().references('contacts.id').onDelete('cascade'))
      .addColumn('from_tier', 'text')
      .addColumn('to_tier', 'text', (c) => c.notNull())
      .addColumn('rule', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('tier_history_ws_at')
      .on('tier_history')
      .columns(['workspace_id', 'at'])
      .execute();
    await db.schema
      .createIndex('tier_history_contact')
      .on('tier_history')
      .columns(['workspace_id', 'contact_id', 'seq'])
      .execute();
    await db.schema
      .createTable('leader_applications')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', ws)
      .addColumn('contact_id', bigint, (c) => c.notNull().references('contacts.id').onDelete('cascade'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('checks', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('reason', 'text')
      .addColumn('applied_at', 'text', (c) => c.notNull())
      .addColumn('reviewed_at', 'text')
      .addColumn('reviewed_by', 'text')
      .execute();
    await db.schema
      .createIndex('leader_applications_contact')
      .on('leader_applications')
      .columns(['workspace_id', 'contact_id'])
      .execute();

    await db.schema
      .createTable('communities')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', ws)
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('owner_account_id', 'text', (c) => c.notNull().references('channel_accounts.id'))
      .addColumn('capacity', 'integer', (c) => c.notNull())
      .addColumn('welcome_script_id', 'text')
      .addColumn('tier', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('communities_ws_name', ['workspace_id', 'name'])
      .execute();
    await db.schema
      .createTable('community_groups')
      .addColumn('group_id', 'text', (c) =>
        c.primaryKey().references('channel_groups.id').onDelete('cascade'),
      )
      .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('community_groups_community')
      .on('community_groups')
      .columns(['community_id', 'position'])
      .execute();
    await db.schema
      .createTable('community_members')
      .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
      .addColumn('contact_id', bigint, (c) => c.notNull().references('contacts.id').onDelete('cascade'))
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('group_id', 'text', (c) => c.notNull().references('channel_groups.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('joined_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('community_members_pk', ['community_id', 'contact_id'])
      .execute();
    await db.schema
      .createIndex('community_members_contact')
      .on('community_members')
      .columns(['workspace_id', 'contact_id'])
      .execute();
    await db.schema
      .createIndex('community_members_group')
      .on('community_members')
      .column('group_id')
      .execute();
  },
};
