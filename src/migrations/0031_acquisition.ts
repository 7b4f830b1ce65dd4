// Acquisition (渠道活码), keyword auto-replies and the Wechaty robots' identity maps: which WeChat contact
// or room is which Guimi contact or channel group, and which message id a send produced (for `lookup`).
import type { Kysely } from 'kysely';
import type { GuimiMigration } from '../platform/store/migrate.js';

export const acquisition: GuimiMigration = {
  name: '0031_acquisition',
  async up(db: Kysely<unknown>, dialect) {
    const bigint = dialect === 'sqlite' ? 'integer' : 'bigint';
    await db.schema
      .createTable('wechaty_contacts')
      .addColumn('account_id', 'text', (c) =>
        c.notNull().references('channel_accounts.id').onDelete('cascade'),
      )
      .addColumn('wechaty_id', 'text', (c) => c.notNull())
      .addColumn('contact_id', bigint, (c) => c.notNull())
      .addPrimaryKeyConstraint('wechaty_contacts_pk', ['account_id', 'wechaty_id'])
      .execute();
    await db.schema
      .createTable('wechaty_rooms')
      .addColumn('account_id', 'text', (c) =>
        c.notNull().references('channel_accounts.id').onDelete('cascade'),
      )
      .addColumn('room_id', 'text', (c) => c.notNull())
      .addColumn('group_id', 'text', (c) => c.notNull().references('channel_groups.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('wechaty_rooms_pk', ['account_id', 'room_id'])
      .execute();
    await db.schema
      .createTable('wechaty_sends')
      .addColumn('idempotency_key', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull())
      .addColumn('message_id', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('acquisition_codes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('koc_id', 'text')
      .addColumn('scene', 'text', (c) => c.notNull())
      /** 'friend' (add the robot) | 'group' (join a community, rotating when full) */
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('account_ids', 'text', (c) => c.notNull())
      .addColumn('greeting_script_id', 'text')
      .addColumn('auto_tags', 'text', (c) => c.notNull())
      .addColumn('invite_group_id', 'text')
      .addColumn('group_capacity', 'integer', (c) => c.notNull().defaultTo(200))
      /** What the fan brings back: the simulator/Wechaty state (a hello text or message token). */
      .addColumn('token', 'text', (c) => c.notNull().unique())
      .addColumn('wecom_state', 'text')
      .addColumn('wecom_config_id', 'text')
      .addColumn('qr_content', 'text', (c) => c.notNull())
      .addColumn('scans', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('acquisition_codes_ws')
      .on('acquisition_codes')
      .columns(['workspace_id', 'id'])
      .execute();
    await db.schema
      .createIndex('acquisition_codes_wecom_state')
      .on('acquisition_codes')
      .column('wecom_state')
      .execute();
    await db.schema
      .createTable('acquisition_code_groups')
      .addColumn('code_id', 'text', (c) => c.notNull().references('acquisition_codes.id').onDelete('cascade'))
      .addColumn('group_id', 'text', (c) => c.notNull().references('channel_groups.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('acquisition_code_groups_pk', ['code_id', 'group_id'])
      .execute();
    await db.schema
      .createTable('acquisition_fans')
      .addColumn('code_id', 'text', (c) => c.notNull().references('acquisition_codes.id').onDelete('cascade'))
      .addColumn('contact_id', bigint, (c) => c.notNull())
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('account_id', 'text', (c) => c.notNull())
      .addColumn('koc_id', 'text')
      .addColumn('scene', 'text', (c) => c.notNull())
      .addColumn('acquired_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('acquisition_fans_pk', ['code_id', 'contact_id'])
      .execute();

    await db.schema
      .createTable('auto_reply_rules')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('account_id', 'text')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('match', 'text', (c) => c.notNull())
      .addColumn('pattern', 'text', (c) => c.notNull())
      .addColumn('script_id', 'text', (c) => c.notNull())
      .addColumn('priority', 'integer', (c) => c.notNull())
      .addColumn('cooldown_seconds', 'integer', (c) => c.notNull())
      .addColumn('enabled', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('auto_reply_hits')
      .addColumn('rule_id', 'text', (c) => c.notNull().references('auto_reply_rules.id').onDelete('cascade'))
      .addColumn('contact_id', bigint, (c) => c.notNull())
      .addColumn('last_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('auto_reply_hits_pk', ['rule_id', 'contact_id'])
      .execute();
  },
};
