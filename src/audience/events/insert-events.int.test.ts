// insertEvents on the real stores: the seqs it reports are the stored rows' (SQLite infers them without
// RETURNING), duplicates get 0, and `priorSeq` bounds the new rows, also after the newest events were
// deleted (SQLite's sequence then runs ahead of the table).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.js';
import { writeContact } from '../../../test/support/segment-data.js';
import { createWorkspace } from '../../workspaces/create-workspace.js';
import { insertEvents, type EventInsert } from './insert-events.js';

const NOW = new Date('2026-11-20T08:00:00.000Z');

// The PostgreSQL half is skipped only when PostgreSQL is unreachable here: test/support/stores.ts puts the
// reason in the describe and test titles, and with CI=true `.ci/run` fails instead of skipping.
describe.each(storeKinds())('insertEvents on $title', ({ name, skip }) => {
  let store: TestStore;
  let wsId: string;
  let contacts: number[];
  const event = (eventId: string, k: number): EventInsert => ({
    eventId,
    contactId: contacts[k % contacts.length]!,
    type: k % 2 ? 'view' : 'like',
    at: NOW.getTime() - k * 60_000,
    sourceKind: null,
    sourceId: null,
    props: JSON.stringify({ k }),
  });
  /** event_id → seq of every stored event above `seq`. */
  const storedAfter = async (seq: number) =>
    new Map(
      (await store.db.selectFrom('events').select(['seq', 'event_id']).where('seq', '>', seq).execute()).map(
        (r) => [r.event_id, Number(r.seq)],
      ),
    );

  beforeAll(async () => {
    if (skip) return;
    store = await openTestStore(name);
    const ws = await createWorkspace(
      store.db,
      { slug: 'seqs', name: 'Seqs' },
      { actor: 'test', ownerUserId: null, defaultTimezone: 'Asia/Shanghai', now: NOW },
    );
    wsId = ws.id;
    contacts = [];
    for (let i = 0; i < 3; i++)
      contacts.push(
        await writeContact(
          store.db,
          wsId,
          { created_at: NOW.toISOString(), attrs: {}, tags: [], events: [] },
          NOW,
        ),
      );
  });
  afterAll(async () => store?.close());

  it.skipIf(skip)(
    `reports the stored seq of each new row and 0 for a duplicate (${skip ?? 'runs'})`,
    async () => {
      const first = Array.from({ length: 5 }, (_, k) => event(`a${k}`, k));
      const a = await insertEvents(store.db, wsId, first, NOW.toISOString());
      const storedA = await storedAfter(a.priorSeq ?? 0);
      expect(a.seqs).toEqual(first.map((e) => storedA.get(e.eventId)));
      expect(storedA.size).toBe(5);

      // Duplicates between new rows: SQLite's sequence still moves past each of them.
      const mixed = [event('b0', 0), event('a1', 1), event('b1', 2), event('a3', 3), event('b2', 4)];
      const b = await insertEvents(store.db, wsId, mixed, NOW.toISOString());
      const storedB = await storedAfter(Math.max(...a.seqs));
      expect(b.seqs.map((s) => s > 0)).toEqual([true, false, true, false, true]);
      expect(b.seqs.filter((s) => s > 0)).toEqual(['b0', 'b1', 'b2'].map((id) => storedB.get(id)));
      expect(storedB.size).toBe(3);
      if (b.priorSeq !== null) {
        // Every stored row above priorSeq is one of this batch's.
        expect([...(await storedAfter(b.priorSeq)).keys()].sort()).toEqual(['b0', 'b1', 'b2']);
      }
      expect((await insertEvents(store.db, wsId, [event('b1', 2)], NOW.toISOString())).seqs).toEqual([0]);
    },
  );

  it.skipIf(skip)(`numbers rows right after the newest events were deleted (${skip ?? 'runs'})`, async () => {
    const before = await insertEvents(store.db, wsId, [event('c0', 0), event('c1', 1)], NOW.toISOString());
    await store.db.deleteFrom('events').where('event_id', 'in', ['c0', 'c1']).execute();
    const rows = [event('d0', 0), event('d1', 1)];
    const after = await insertEvents(store.db, wsId, rows, NOW.toISOString());
    const stored = await storedAfter(0);
    expect(after.seqs).toEqual(rows.map((e) => stored.get(e.eventId)));
    expect(Math.min(...after.seqs)).toBeGreaterThan(Math.max(...before.seqs));
  });

  it.skipIf(skip)(
    `writes a batch in (contact, time) order, for the per-contact index (${skip ?? 'runs'})`,
    async () => {
      // Times out of order, contacts interleaved, two events of one contact at the same instant.
      const rows = [5, 1, 4, 1, 3, 0, 2].map((minutes, k) => ({
        ...event(`o${k}`, k),
        contactId: contacts[k % 3]!,
        at: NOW.getTime() - minutes * 60_000,
      }));
      const { seqs } = await insertEvents(store.db, wsId, rows, NOW.toISOString());
      const bySeq = rows.map((r, k) => ({ ...r, seq: seqs[k]! })).sort((a, b) => a.seq - b.seq);
      const expected = [...bySeq].sort((a, b) => a.contactId - b.contactId || a.at - b.at);
      expect(bySeq.map((r) => [r.contactId, r.at])).toEqual(expected.map((r) => [r.contactId, r.at]));
    },
  );
});
