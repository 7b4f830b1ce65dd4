// Guimi tag changes waiting to be pushed to WeCom's corp tags (add_corp_tag, edit_corp_tag, del_corp_tag,
// mark_tag). Rows are written in the same transaction as the tag change, so a change that commits is
// pushed even if the process dies right after; the push job deletes a row once WeCom has it.
import type { Kysely } from 'kysely';
import { serialPrimaryKey } from '../platform/store/columns.js';
import type { GuimiMigration } from '../platform/store/migrate.js';

export const wecomTagPush: GuimiMigration = {
  name: '0032_wecom_tag_push',
  async up(db: Kysely<unknown>, dialect) {
    const bigint = dialect === 'sqlite' ? 'integer' : 'bigint';
    await serialPrimaryKey(db.schema.createTable('wecom_tag_changes'), 'seq', dialect)
      .addColumn('connection_id', 'text', (c) =>
        c.notNull().references('wecom_connections.id').onDelete('cascade'),
      )
      /** 'create' | 'rename' | 'delete' | 'mark' */
      .addColumn('op', 'text', (c) => c.notNull())
      /** Not a foreign key: a deleted tag's change outlives it. */
      .addColumn('tag_id', 'text', (c) => c.notNull())
      /** delete: JSON array of the corp tag ids the tag had (its mappings go with the tag). */
      .addColumn('wecom_tag_ids', 'text')
      /** mark: the contact, and 'add' | 'remove'. */
      .addColumn('contact_id', bigint)
      .addColumn('action', 'text')
      /** 'pending' | 'dead' (done rows are deleted). */
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('due_at', 'text', (c) => c.notNull())
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('wecom_tag_changes_due')
      .on('wecom_tag_changes')
      .columns(['state', 'due_at'])
      .execute();
  },
};
