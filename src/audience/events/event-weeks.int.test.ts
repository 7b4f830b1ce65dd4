// A contact's events are read through the (week, contact, at) index: a history spread over years (and an
// event at the Unix epoch's week 0) is still found whole by the timeline, moved whole by a merge and
// removed whole by an erasure; a window reads only its own weeks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.js';
import { writeContact } from '../../../test/support/segment-data.js';
import { createWorkspace } from '../../workspaces/create-workspace.js';
import { eraseContact } from '../contacts/erase-contact.js';
import { getContact } from '../contacts/get-contact.js';
import { mergeContacts } from '../contacts/merge-contacts.js';
import { inEventWeeks, WEEK_MS } from './event-weeks.js';
import { insertEvents } from './insert-events.js';

const NOW = new Date('2026-11-20T08:00:00.000Z');
const DAY = 86_400_000;
const viewer = { role: 'owner' as const, kocId: null };

// The PostgreSQL half is skipped only when PostgreSQL is unreachable here: test/support/stores.ts puts the
// reason in the describe and test titles, and with CI=true `.ci/run` fails instead of skipping.
describe.each(storeKinds())('events of a contact across weeks on $title', ({ name, skip }) => {
  let store: TestStore;
  let wsId: string;
  let serial = 0;
  const newContact = () =>
    writeContact(store.db, wsId, { created_at: NOW.toISOString(), attrs: {}, tags: [], events: [] }, NOW);
  const write = (contactId: number, ats: number[]) =>
    insertEvents(
      store.db,
      wsId,
      ats.map((at) => ({
        eventId: `w${++serial}`,
        contactId,
        type: 'view',
        at,
        sourceKind: null,
        sourceId: null,
        props: '{}',
      })),
      NOW.toISOString(),
    );
  const timeline = async (id: number) =>
    (await getContact(store.db, wsId, id, { viewer, eventsLimit: 50 })).events.items.map((e) =>
      Date.parse(e.at),
    );
  const spread = [NOW.getTime(), NOW.getTime() - 8 * DAY, NOW.getTime() - 400 * DAY, 3 * DAY];

  beforeAll(async () => {
    if (skip) return;
    store = await openTestStore(name);
    const ws = await createWorkspace(
      store.db,
      { slug: 'weeks', name: 'Weeks' },
      { actor: 'test', ownerUserId: null, defaultTimezone: 'Asia/Shanghai', now: NOW },
    );
    wsId = ws.id;
  });
  afterAll(async () => store?.close());

  it.skipIf(skip)(`finds, moves and erases a whole history (${skip ?? 'runs'})`, async () => {
    const [keep, dup] = [await newContact(), await newContact()];
    await write(keep, spread.slice(0, 2));
    await write(dup, spread.slice(2));
    expect(await timeline(dup)).toEqual(spread.slice(2));

    const merged = await mergeContacts(store.db, wsId, keep, dup, { actor: 'test', viewer, now: NOW });
    expect(merged.moved.events).toBe(2);
    expect(await timeline(keep)).toEqual(spread);

    const erasure = await eraseContact(store.db, wsId, keep, { actor: 'test', now: NOW });
    expect(erasure.removed).toMatchObject({ events: 4 });
    const left = await store.db.selectFrom('events').select('event_id').execute();
    expect(left).toEqual([]);
  });

  it.skipIf(skip)(`reads a window's weeks only (${skip ?? 'runs'})`, async () => {
    const id = await newContact();
    await write(id, spread);
    const within = async (from: number, to: number) =>
      (
        await store.db
          .selectFrom('events')
          .select('at')
          .where(inEventWeeks(from, to))
          .where('contact_id', '=', id)
          .orderBy('at', 'desc')
          .execute()
      ).map((r) => Number(r.at));
    expect(await within(NOW.getTime() - 10 * DAY, NOW.getTime())).toEqual(spread.slice(0, 2));
    expect(await within(0, WEEK_MS - 1)).toEqual([3 * DAY]);
    expect(await within(NOW.getTime(), NOW.getTime() - DAY)).toEqual([]);
  });
});
