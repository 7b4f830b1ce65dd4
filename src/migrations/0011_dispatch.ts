// Dispatch: robot accounts and what they can reach, touches (the durable outbox of every message),
// guardrail settings, suppressions and opt-outs, shared rate counters, the durable job table and the
// simulator's message log.
import type { Kysely } from 'kysely';
import { serialPrimaryKey } from '../platform/store/columns.js';
import type { GuimiMigration } from '../platform/store/migrate.js';

export const dispatch: GuimiMigration = {
  name: '0011_dispatch',
  async up(db: Kysely<unknown>, dialect) {
    const bigint = dialect === 'sqlite' ? 'integer' : 'bigint';
    await db.schema
      .createTable('channel_accounts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('personal', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('channel_contacts')
      .addColumn('account_id', 'text', (c) =>
        c.notNull().references('channel_accounts.id').onDelete('cascade'),
      )
      .addColumn('contact_id', bigint, (c) => c.notNull())
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('added_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('channel_contacts_pk', ['account_id', 'contact_id'])
      .execute();
    await db.schema
      .createTable('channel_groups')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('account_id', 'text', (c) =>
        c.notNull().references('channel_accounts.id').onDelete('cascade'),
      )
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('channel_group_members')
      .addColumn('group_id', 'text', (c) => c.notNull().references('channel_groups.id').onDelete('cascade'))
      .addColumn('contact_id', bigint, (c) => c.notNull())
      .addColumn('joined_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('channel_group_members_pk', ['group_id', 'contact_id'])
      .execute();

    await db.schema
      .createTable('touches')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
      .addColumn('flow_id', 'text')
      .addColumn('flow_run_id', 'text')
      .addColumn('step_id', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('account_id', 'text', (c) => c.notNull())
      .addColumn('contact_id', bigint)
      .addColumn('group_id', 'text')
      .addColumn('script_id', 'text')
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('promotion', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('marketing', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('due_at', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('lease_until', 'text')
      .addColumn('lease_owner', 'text')
      .addColumn('channel_ref', 'text')
      .addColumn('last_error', 'text')
      .addColumn('held_reason', 'text')
      .addColumn('held_until', 'text')
      .addColumn('sent_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('touches_state_due').on('touches').columns(['state', 'due_at']).execute();
    await db.schema.createIndex('touches_ws_id').on('touches').columns(['workspace_id', 'id']).execute();
    await db.schema
      .createIndex('touches_group_sent')
      .on('touches')
      .columns(['group_id', 'sent_at'])
      .execute();
    await db.schema
      .createIndex('touches_contact')
      .on('touches')
      .columns(['workspace_id', 'contact_id'])
      .execute();

    await db.schema
      .createTable('guardrail_settings')
      .addColumn('workspace_id', 'text', (c) =>
        c.primaryKey().references('workspaces.id').onDelete('cascade'),
      )
      .addColumn('settings', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('suppressions')
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('contact_id', bigint, (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('suppressions_pk', ['workspace_id', 'contact_id'])
      .execute();
    await db.schema
      .createTable('opt_outs')
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('contact_id', bigint, (c) => c.notNull())
      .addColumn('word', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('opt_outs_pk', ['workspace_id', 'contact_id'])
      .execute();
    // Pacing and cap counters when no Redis is configured: one row per window (key names the window).
    await db.schema
      .createTable('rate_counters')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addColumn('expires_at', bigint, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('jobs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('run_at', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('max_attempts', 'integer', (c) => c.notNull())
      .addColumn('locked_until', 'text')
      .addColumn('locked_by', 'text')
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('jobs_state_run').on('jobs').columns(['state', 'run_at']).execute();

    // Not unique on idempotency_key on purpose: a duplicate send must be visible, not swallowed.
    await serialPrimaryKey(db.schema.createTable('sim_messages'), 'seq', dialect)
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('account_id', 'text', (c) => c.notNull())
      .addColumn('direction', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('idempotency_key', 'text')
      .addColumn('touch_id', 'text')
      .addColumn('contact_id', bigint)
      .addColumn('group_id', 'text')
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sim_messages_key').on('sim_messages').column('idempotency_key').execute();
    await db.schema
      .createIndex('sim_messages_ws_seq')
      .on('sim_messages')
      .columns(['workspace_id', 'seq'])
      .execute();
  },
};
