// Only group touches are read by group (the promotion-mix guard); 1:1 touches, nearly all of them, no
// longer pay for an index entry each — a big enrollment writes a million of them at once.
import { sql, type Kysely } from 'kysely';
import type { GuimiMigration } from '../platform/store/migrate.js';

export const touchGroupIndex: GuimiMigration = {
  name: '0040_touch_group_index',
  async up(db: Kysely<unknown>) {
    await db.schema.dropIndex('touches_group_sent').execute();
    await db.schema
      .createIndex('touches_group_sent')
      .on('touches')
      .columns(['group_id', 'sent_at'])
      .where(sql.ref('group_id'), 'is not', null)
      .execute();
  },
};
