// A tag pair always names an existing contact and tag, and goes when either goes (a tag's id stays). SQLite keeps these as
// foreign keys; PostgreSQL checks them once per statement (migration 0042), so the tests also race a
// delete against an insert in two transactions there: no pair may outlive its tag or contact.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.js';
import { writeContact } from '../../../test/support/segment-data.js';
import type { Db } from '../../platform/store/database.js';
import { createWorkspace } from '../../workspaces/create-workspace.js';
import { ensureTags } from './ensure-tags.js';

const NOW = new Date('2026-12-01T08:00:00.000Z');
const AT = NOW.toISOString();

interface Fixture {
  store: TestStore;
  wsId: string;
  newContact: () => Promise<number>;
  newTag: () => Promise<string>;
  pairs: (where: { tag?: string; contact?: number }) => Promise<number>;
  addPair: (db: Db, contactId: number, tagId: string) => Promise<unknown>;
}

async function fixture(kind: 'sqlite' | 'postgres', slug: string): Promise<Fixture> {
  const store = await openTestStore(kind);
  const ws = await createWorkspace(
    store.db,
    { slug, name: slug },
    { actor: 'test', ownerUserId: null, defaultTimezone: 'Asia/Shanghai', now: NOW },
  );
  let serial = 0;
  return {
    store,
    wsId: ws.id,
    newContact: () => writeContact(store.db, ws.id, { created_at: AT, attrs: {}, tags: [], events: [] }, NOW),
    newTag: async () => (await ensureTags(store.db, ws.id, [`t${++serial}`], NOW)).get(`t${serial}`)!,
    pairs: async ({ tag, contact }) => {
      const r = await sql<{ n: number }>`select count(*) as n from contact_tags
        where ${tag === undefined ? sql`true` : sql`tag_id = ${tag}`}
          and ${contact === undefined ? sql`true` : sql`contact_id = ${contact}`}`.execute(store.db);
      return Number(r.rows[0]!.n);
    },
    addPair: (db, contactId, tagId) =>
      sql`insert into contact_tags (contact_id, tag_id, workspace_id, added_at, added_by)
        values (${contactId}, ${tagId}, ${ws.id}, ${AT}, 'test')`.execute(db),
  };
}

/** The error a foreign key raises on each store. */
const keyViolation = (name: string, constraint: string) =>
  name === 'sqlite'
    ? expect.objectContaining({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' })
    : expect.objectContaining({ code: '23503', message: expect.stringContaining(constraint) });

// The PostgreSQL half is skipped only when PostgreSQL is unreachable here: test/support/stores.ts puts the
// reason in the describe and test titles, and with CI=true `.ci/run` fails instead of skipping.
describe.each(storeKinds())('tag pairs keep to their contact and tag on $title', ({ name, skip }) => {
  let f: Fixture;
  beforeAll(async () => {
    if (!skip) f = await fixture(name, 'pair-keys');
  });
  afterAll(async () => f?.store.close());

  it.skipIf(skip)(`refuse a missing tag or contact (${skip ?? 'runs'})`, async () => {
    const [contact, tag] = [await f.newContact(), await f.newTag()];
    await expect(f.addPair(f.store.db, contact, 'no-such-tag')).rejects.toEqual(
      keyViolation(name, 'contact_tags_tag_id_fkey'),
    );
    await expect(f.addPair(f.store.db, 987_654_321, tag)).rejects.toEqual(
      keyViolation(name, 'contact_tags_contact_id_fkey'),
    );
    // A statement naming one missing key among good ones writes nothing.
    const other = await f.newContact();
    await expect(
      sql`insert into contact_tags (contact_id, tag_id, workspace_id, added_at, added_by)
        values (${contact}, ${tag}, ${f.wsId}, ${AT}, 'test'), (${other}, 'gone', ${f.wsId}, ${AT}, 'test')`.execute(
        f.store.db,
      ),
    ).rejects.toEqual(keyViolation(name, 'contact_tags_tag_id_fkey'));
    expect(await f.pairs({ tag })).toBe(0);
    await f.addPair(f.store.db, contact, tag);
    expect(await f.pairs({ tag })).toBe(1);
    // Nor does a tagged tag's id change under its pairs.
    await expect(
      f.store.db.updateTable('tags').set({ id: 'renamed' }).where('id', '=', tag).execute(),
    ).rejects.toEqual(
      expect.objectContaining({ code: name === 'sqlite' ? 'SQLITE_CONSTRAINT_FOREIGNKEY' : '23503' }),
    );
  });

  it.skipIf(skip)(`go with their tag or contact (${skip ?? 'runs'})`, async () => {
    const [a, b] = [await f.newContact(), await f.newContact()];
    const [x, y] = [await f.newTag(), await f.newTag()];
    for (const [c, t] of [
      [a, x],
      [a, y],
      [b, x],
      [b, y],
    ] as const)
      await f.addPair(f.store.db, c, t);
    await f.store.db.deleteFrom('tags').where('id', '=', x).execute();
    expect([await f.pairs({ tag: x }), await f.pairs({ tag: y })]).toEqual([0, 2]);
    await f.store.db.deleteFrom('contacts').where('id', '=', a).execute();
    expect([await f.pairs({ contact: a }), await f.pairs({ contact: b })]).toEqual([0, 1]);
  });
});

const postgres = storeKinds().find((k) => k.name === 'postgres')!;

// Skipped only when PostgreSQL is unreachable (the reason is in the titles); with CI=true .ci/run fails.
describe(`tag pairs against a concurrent delete on ${postgres.title}`, () => {
  let f: Fixture;
  beforeAll(async () => {
    if (!postgres.skip) f = await fixture('postgres', 'pair-races');
  });
  afterAll(async () => f?.store.close());

  /** Runs `first` in a transaction held open until `second` (another connection) waits on its locks. */
  async function race(first: (trx: Db) => Promise<unknown>, second: (db: Db) => Promise<unknown>) {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const began = new Promise<void>((r) => (started = r));
    let holder = 0;
    const one = f.store.db.transaction().execute(async (trx) => {
      await first(trx);
      holder = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx)).rows[0]!.pid;
      started();
      await held;
    });
    await began;
    let secondDone = false;
    const two = second(f.store.db).finally(() => (secondDone = true));
    two.catch(() => undefined);
    // The second must wait for the first's locks: it may not finish while the first is open.
    for (;;) {
      const r = await sql<{ n: number }>`select count(*) as n from pg_stat_activity
        where ${holder}::int = any(pg_blocking_pids(pid))`.execute(f.store.db);
      if (Number(r.rows[0]!.n) > 0) break;
      expect(secondDone).toBe(false);
      await new Promise((r) => setTimeout(r, 10));
    }
    release();
    await one;
    return two;
  }

  it.skipIf(postgres.skip)(
    `a tag or contact deleted while a pair is added takes it along (${postgres.skip ?? 'runs'})`,
    async () => {
      const [contact, tag] = [await f.newContact(), await f.newTag()];
      await race(
        (trx) => f.addPair(trx, contact, tag),
        (db) => db.deleteFrom('tags').where('id', '=', tag).execute(),
      );
      expect(await f.pairs({ tag })).toBe(0);

      // The contact was committed before: the pair's transaction locks it, the delete waits for it.
      const [other, kept] = [await f.newContact(), await f.newTag()];
      await race(
        (trx) => f.addPair(trx, other, kept),
        (db) => db.deleteFrom('contacts').where('id', '=', other).execute(),
      );
      expect(await f.pairs({ contact: other })).toBe(0);
    },
  );

  it.skipIf(postgres.skip)(
    `a pair added while its tag or contact is deleted is refused (${postgres.skip ?? 'runs'})`,
    async () => {
      const [contact, tag] = [await f.newContact(), await f.newTag()];
      await expect(
        race(
          (trx) => trx.deleteFrom('tags').where('id', '=', tag).execute(),
          (db) => f.addPair(db, contact, tag),
        ),
      ).rejects.toEqual(keyViolation('postgres', 'contact_tags_tag_id_fkey'));
      const [gone, other] = [await f.newContact(), await f.newTag()];
      await expect(
        race(
          (trx) => trx.deleteFrom('contacts').where('id', '=', gone).execute(),
          (db) => f.addPair(db, gone, other),
        ),
      ).rejects.toEqual(keyViolation('postgres', 'contact_tags_contact_id_fkey'));
      expect(await f.pairs({ tag })).toBe(0);
      expect(await f.pairs({ contact: gone })).toBe(0);
    },
  );
});
