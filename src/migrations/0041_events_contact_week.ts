// A contact's events were indexed by (contact_id, at): live events arrive from random contacts, so every
// batch wrote into nearly every leaf of that index (and, on SQLite, logged each whole page again at each
// commit): at 1M events on 100k contacts it cost a fifth of ingestion, and more as the table grew. Led by
// the week of the event, new entries land in the current week's part of the index only; readers of a
// contact's events name the weeks they want (src/audience/events/event-weeks.ts).
import { sql, type Kysely } from 'kysely';
import type { GuimiMigration } from '../platform/store/migrate.js';

export const eventsContactWeek: GuimiMigration = {
  name: '0041_events_contact_week',
  async up(db: Kysely<unknown>) {
    await db.schema.dropIndex('events_contact_at').execute();
    await db.schema
      .createIndex('events_week_contact_at')
      .on('events')
      .expression(sql`(at / 604800000), contact_id, at`)
      .execute();
  },
};
