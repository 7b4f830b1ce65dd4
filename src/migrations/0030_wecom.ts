// WeCom (企业微信): corp connections (credentials sealed), staff ↔ robot accounts, the callback inbox and
// its replay guard, corp tag and customer group mappings, sends with WeCom's handles, welcome codes, and
// contact ways (渠道活码) with their state.
import type { Kysely } from 'kysely';
import type { GuimiMigration } from '../platform/store/migrate.js';

export const wecom: GuimiMigration = {
  name: '0030_wecom',
  async up(db: Kysely<unknown>, dialect) {
    const bigint = dialect === 'sqlite' ? 'integer' : 'bigint';
    await db.schema
      .createTable('wecom_connections')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('corp_id', 'text', (c) => c.notNull())
      .addColumn('agent_id', 'integer')
      .addColumn('api_base', 'text', (c) => c.notNull())
      .addColumn('secret', 'text', (c) => c.notNull())
      .addColumn('token', 'text', (c) => c.notNull())
      .addColumn('aes_key', 'text', (c) => c.notNull())
      .addColumn('callback_path', 'text', (c) => c.notNull().unique())
      .addColumn('access_token', 'text')
      .addColumn('access_token_expires_at', 'text')
      .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('wecom_connections_corp', ['workspace_id', 'corp_id'])
      .execute();
    await db.schema
      .createTable('wecom_staff')
      .addColumn('connection_id', 'text', (c) =>
        c.notNull().references('wecom_connections.id').onDelete('cascade'),
      )
      .addColumn('userid', 'text', (c) => c.notNull())
      .addColumn('account_id', 'text', (c) =>
        c.notNull().references('channel_accounts.id').onDelete('cascade'),
      )
      .addPrimaryKeyConstraint('wecom_staff_pk', ['connection_id', 'userid'])
      .execute();
    await db.schema.createIndex('wecom_staff_account').on('wecom_staff').column('account_id').execute();
    await db.schema
      .createTable('wecom_inbox')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('connection_id', 'text', (c) =>
        c.notNull().references('wecom_connections.id').onDelete('cascade'),
      )
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('due_at', 'text', (c) => c.notNull())
      .addColumn('locked_until', 'text')
      .addColumn('last_error', 'text')
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('processed_at', 'text')
      .execute();
    await db.schema
      .createIndex('wecom_inbox_state_due')
      .on('wecom_inbox')
      .columns(['state', 'due_at'])
      .execute();
    await db.schema
      .createTable('wecom_nonces')
      .addColumn('connection_id', 'text', (c) => c.notNull())
      .addColumn('nonce', 'text', (c) => c.notNull())
      .addColumn('seen_at', bigint, (c) => c.notNull())
      .addPrimaryKeyConstraint('wecom_nonces_pk', ['connection_id', 'nonce'])
      .execute();
    await db.schema
      .createTable('wecom_tags')
      .addColumn('connection_id', 'text', (c) =>
        c.notNull().references('wecom_connections.id').onDelete('cascade'),
      )
      .addColumn('wecom_tag_id', 'text', (c) => c.notNull())
      .addColumn('wecom_group_id', 'text', (c) => c.notNull())
      .addColumn('tag_id', 'text', (c) => c.notNull().references('tags.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('wecom_tags_pk', ['connection_id', 'wecom_tag_id'])
      .execute();
    await db.schema.createIndex('wecom_tags_tag').on('wecom_tags').columns(['tag_id']).execute();
    await db.schema
      .createTable('wecom_groups')
      .addColumn('group_id', 'text', (c) =>
        c.primaryKey().references('channel_groups.id').onDelete('cascade'),
      )
      .addColumn('connection_id', 'text', (c) =>
        c.notNull().references('wecom_connections.id').onDelete('cascade'),
      )
      .addColumn('chat_id', 'text', (c) => c.notNull())
      .addColumn('owner_userid', 'text', (c) => c.notNull())
      .addColumn('dismissed_at', 'text')
      .addUniqueConstraint('wecom_groups_chat', ['connection_id', 'chat_id'])
      .execute();
    // One row per send call, written BEFORE the call (handle null) and completed after: a crash in
    // between leaves a row without handle, which lookup reports as 'unknown' (never resent blindly).
    await db.schema
      .createTable('wecom_sends')
      .addColumn('idempotency_key', 'text', (c) => c.primaryKey())
      .addColumn('connection_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('target', 'text', (c) => c.notNull())
      .addColumn('sender', 'text', (c) => c.notNull())
      .addColumn('handle', 'text')
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('reminded_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('wecom_sends_target')
      .on('wecom_sends')
      .columns(['connection_id', 'target', 'created_at'])
      .execute();
    await db.schema
      .createTable('wecom_welcome_codes')
      .addColumn('touch_key', 'text', (c) => c.primaryKey())
      .addColumn('connection_id', 'text', (c) => c.notNull())
      .addColumn('welcome_code', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('wecom_contact_ways')
      .addColumn('config_id', 'text', (c) => c.primaryKey())
      .addColumn('connection_id', 'text', (c) =>
        c.notNull().references('wecom_connections.id').onDelete('cascade'),
      )
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('qr_code', 'text')
      .addColumn('welcome_text', 'text')
      .addColumn('meta', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('wecom_contact_ways_state', ['connection_id', 'state'])
      .execute();
  },
};
