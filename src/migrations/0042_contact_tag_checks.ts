// On PostgreSQL a tag pair's contact and tag are checked once per statement instead of once per row. The
// two foreign keys of contact_tags ran a locking lookup for every pair: for the tag, through a lock every
// import writer shares on the same few tag rows; for the contact, on a row the writer itself had just
// inserted. Together they took 30 % of a 1M-contact import (32.5 s; 22.4 s with these checks).
// The statement-level triggers below keep the keys' guarantees:
// - an insert or update of pairs locks the distinct tags and contacts it names FOR KEY SHARE, as each key
//   did a row, and fails with the keys' error code and message when one is missing. A contact this
//   transaction inserted or updated itself is not locked: no other transaction can delete it before this
//   one ends (it cannot see an inserted row; an updated one is locked by the update);
// - deleting a tag or a contact deletes its pairs (the keys' ON DELETE CASCADE); a tag's id never changes
//   (contact ids are generated and cannot be set).
// A tag or contact deleted meanwhile either waits for the transaction that locked it (then sees and
// deletes its pairs) or makes the insert fail, as with the keys. SQLite keeps its foreign keys: there
// they cost a fraction.
import { sql, type Kysely } from 'kysely';
import type { GuimiMigration } from '../platform/store/migrate.js';

export const contactTagChecks: GuimiMigration = {
  name: '0042_contact_tag_checks',
  async up(db: Kysely<unknown>, dialect) {
    if (dialect !== 'postgres') return;
    await sql`alter table contact_tags drop constraint contact_tags_tag_id_fkey`.execute(db);
    await sql`alter table contact_tags drop constraint contact_tags_contact_id_fkey`.execute(db);
    await sql`create function contact_tags_check_keys() returns trigger language plpgsql as $$
      declare
        me xid := pg_current_xact_id()::xid;
        wanted bigint;
        found bigint;
        locked bigint;
        missing text;
      begin
        select count(distinct tag_id) into wanted from named;
        select count(*) into found from (
          select 1 from tags where id in (select tag_id from named) for key share
        ) l;
        if found < wanted then
          select n.tag_id into missing from named n where not exists (select 1 from tags t where t.id = n.tag_id);
          raise exception 'insert or update on table "contact_tags" violates foreign key constraint "contact_tags_tag_id_fkey"'
            using errcode = 'foreign_key_violation',
              detail = format('Key (tag_id)=(%s) is not present in table "tags".', missing);
        end if;

        -- The ids are gathered inside each query, not once into a variable: a variable's 10,000-id list
        -- lets the planner count it and scan the table (~100 ms on 1M contacts before statistics catch
        -- up) instead of probing the key (~7 ms); a subquery's list it cannot count.
        select count(distinct contact_id) into wanted from named;
        select count(*) into found from contacts
          where id = any(array(select distinct contact_id from named)) and xmin = me;
        if found < wanted then
          select count(*) into locked from (
            select 1 from contacts
              where id = any(array(select distinct contact_id from named)) and xmin <> me for key share
          ) l;
          if found + locked < wanted then
            select n.contact_id into missing from named n
              where not exists (select 1 from contacts c where c.id = n.contact_id);
            raise exception 'insert or update on table "contact_tags" violates foreign key constraint "contact_tags_contact_id_fkey"'
              using errcode = 'foreign_key_violation',
                detail = format('Key (contact_id)=(%s) is not present in table "contacts".', missing);
          end if;
        end if;
        return null;
      end $$`.execute(db);
    for (const event of ['insert', 'update']) {
      await sql`create trigger ${sql.raw(`contact_tags_keys_exist_on_${event}`)}
        after ${sql.raw(event)} on contact_tags referencing new table as named
        for each statement execute function contact_tags_check_keys()`.execute(db);
    }

    for (const [parent, key] of [
      ['tags', 'tag_id'],
      ['contacts', 'contact_id'],
    ] as const) {
      const name = sql.raw(`${parent}_delete_contact_tags`);
      await sql`create function ${name}() returns trigger language plpgsql as $$
        begin
          delete from contact_tags where ${sql.raw(key)} in (select id from gone);
          return null;
        end $$`.execute(db);
      await sql`create trigger ${name} after delete on ${sql.raw(parent)} referencing old table as gone
        for each statement execute function ${name}()`.execute(db);
    }
    await sql`create function tags_keep_id() returns trigger language plpgsql as $$
      begin
        raise exception 'a tag''s id cannot change (tag %)', old.id using errcode = 'foreign_key_violation';
      end $$`.execute(db);
    await sql`create trigger tags_keep_id before update of id on tags
      for each row when (old.id is distinct from new.id) execute function tags_keep_id()`.execute(db);
  },
};
