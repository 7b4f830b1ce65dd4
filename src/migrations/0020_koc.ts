// The KOC program: the roster (KOCs, their social accounts, status history, imported social followers),
// recruitment drives and applications, seeding tasks (assignments, submissions, rewards), group leaders
// and their commission rules.
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { GuimiMigration } from '../platform/store/migrate.js';

export const koc: GuimiMigration = {
  name: '0020_koc',
  async up(db: Kysely<unknown>, dialect) {
    const bigint = dialect === 'sqlite' ? 'integer' : 'bigint';
    const ws = (c: ColumnDefinitionBuilder) => c.notNull().references('workspaces.id').onDelete('cascade');
    await db.schema
      .createTable('kocs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', ws)
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('phone', 'text')
      .addColumn('contact_id', bigint)
      .addColumn('account_id', 'text', (c) => c.references('channel_accounts.id').onDelete('set null'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('category', 'text')
      .addColumn('city', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('kocs_ws_status').on('kocs').columns(['workspace_id', 'status']).execute();
    await db.schema.createIndex('kocs_ws_phone').on('kocs').columns(['workspace_id', 'phone']).execute();
    await db.schema
      .createTable('koc_status_changes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', ws)
      .addColumn('koc_id', 'text', (c) => c.notNull().references('kocs.id').onDelete('cascade'))
      .addColumn('from_status', 'text')
      .addColumn('to_status', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('koc_status_changes_koc').on('koc_status_changes').column('koc_id').execute();
    await db.schema
      .createTable('koc_social_accounts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', ws)
      .addColumn('koc_id', 'text', (c) => c.notNull().references('kocs.id').onDelete('cascade'))
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('handle', 'text', (c) => c.notNull())
      .addColumn('followers', 'integer', (c) => c.notNull())
      .addColumn('avg_reads', 'integer', (c) => c.notNull())
      .addColumn('avg_likes', 'integer', (c) => c.notNull())
      .addColumn('avg_comments', 'integer', (c) => c.notNull())
      .addColumn('category', 'text')
      .addColumn('city', 'text')
      .addUniqueConstraint('koc_social_ws_handle', ['workspace_id', 'platform', 'handle'])
      .execute();
    await db.schema.createIndex('koc_social_koc').on('koc_social_accounts').column('koc_id').execute();
    await db.schema
      .createTable('koc_social_followers')
      .addColumn('workspace_id', 'text', ws)
      .addColumn('koc_id', 'text', (c) => c.notNull().references('kocs.id').onDelete('cascade'))
      .addColumn('contact_id', bigint, (c) => c.notNull())
      .addPrimaryKeyConstraint('koc_social_followers_pk', ['koc_id', 'contact_id'])
      .execute();
    await db.schema
      .createTable('recruitment_drives')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', ws)
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('rules', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('koc_applications')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', ws)
      .addColumn('drive_id', 'text', (c) =>
        c.notNull().references('recruitment_drives.id').onDelete('cascade'),
      )
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('phone', 'text', (c) => c.notNull())
      .addColumn('city', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('handle', 'text', (c) => c.notNull())
      .addColumn('followers', 'integer', (c) => c.notNull())
      .addColumn('avg_reads', 'integer', (c) => c.notNull())
      .addColumn('avg_likes', 'integer', (c) => c.notNull())
      .addColumn('avg_comments', 'integer', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('score', 'double precision', (c) => c.notNull())
      .addColumn('verdicts', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('koc_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('reviewed_at', 'text')
      .addColumn('reviewed_by', 'text')
      .addUniqueConstraint('koc_applications_drive_phone', ['drive_id', 'phone'])
      .execute();
    await db.schema
      .createIndex('koc_applications_drive')
      .on('koc_applications')
      .columns(['drive_id', 'status', 'created_at'])
      .execute();
    await db.schema
      .createTable('seeding_tasks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', ws)
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('product', 'text', (c) => c.notNull())
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('due_at', 'text', (c) => c.notNull())
      .addColumn('brief', 'text', (c) => c.notNull())
      .addColumn('material_ids', 'text', (c) => c.notNull())
      .addColumn('reward_kind', 'text', (c) => c.notNull())
      .addColumn('reward_amount', 'double precision', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('seeding_assignments')
      .addColumn('task_id', 'text', (c) => c.notNull().references('seeding_tasks.id').onDelete('cascade'))
      .addColumn('koc_id', 'text', (c) => c.notNull().references('kocs.id').onDelete('cascade'))
      .addColumn('workspace_id', 'text', ws)
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('assigned_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('seeding_assignments_pk', ['task_id', 'koc_id'])
      .execute();
    await db.schema
      .createIndex('seeding_assignments_koc')
      .on('seeding_assignments')
      .column('koc_id')
      .execute();
    await db.schema
      .createTable('seeding_submissions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', ws)
      .addColumn('task_id', 'text', (c) => c.notNull().references('seeding_tasks.id').onDelete('cascade'))
      .addColumn('koc_id', 'text', (c) => c.notNull().references('kocs.id').onDelete('cascade'))
      .addColumn('link', 'text', (c) => c.notNull())
      .addColumn('screenshot_material_id', 'text')
      .addColumn('reads', 'integer', (c) => c.notNull())
      .addColumn('likes', 'integer', (c) => c.notNull())
      .addColumn('comments', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('submitted_at', 'text', (c) => c.notNull())
      .addColumn('reviewed_at', 'text')
      .execute();
    await db.schema
      .createIndex('seeding_submissions_task')
      .on('seeding_submissions')
      .columns(['task_id', 'koc_id'])
      .execute();
    await db.schema
      .createTable('koc_rewards')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', ws)
      .addColumn('koc_id', 'text', (c) => c.notNull().references('kocs.id').onDelete('cascade'))
      .addColumn('source_id', 'text', (c) => c.notNull().unique())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('amount', 'double precision', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('koc_rewards_koc').on('koc_rewards').column('koc_id').execute();
    await db.schema
      .createTable('group_leaders')
      .addColumn('koc_id', 'text', (c) => c.primaryKey().references('kocs.id').onDelete('cascade'))
      .addColumn('workspace_id', 'text', ws)
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('verdicts', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('applied_at', 'text', (c) => c.notNull())
      .addColumn('reviewed_at', 'text')
      .execute();
    await db.schema
      .createTable('commission_rules')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', ws)
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('scope_value', 'text', (c) => c.notNull())
      .addColumn('tiers', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('commission_rules_scope', ['workspace_id', 'scope', 'scope_value'])
      .execute();
  },
};
