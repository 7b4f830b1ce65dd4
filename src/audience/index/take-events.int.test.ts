// Events ingested in this process reach its audience index from the writer, not read back from the
// store, when the index had read everything before them; otherwise the feed brings them. An erased
// contact's events never come back through a batch that was committed before the erasure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.js';
import { eraseContact, writeContact } from '../../../test/support/segment-data.js';
import { createWorkspace } from '../../workspaces/create-workspace.js';
import { ingestEvents } from '../events/ingest-events.js';
import { insertEvents } from '../events/insert-events.js';
import type { EventImportItem } from '../import/read-event-import.js';
import { audienceIndexFor, type AudienceIndex } from './audience-index.js';

const NOW = new Date('2026-11-20T08:00:00.000Z');
const VIEWERS = 'did view within 1d';

// The PostgreSQL half is skipped only when PostgreSQL is unreachable here: test/support/stores.ts puts the
// reason in the describe and test titles, and with CI=true `.ci/run` fails instead of skipping.
describe.each(storeKinds())('the index takes ingested events on $title', ({ name, skip }) => {
  let store: TestStore;
  let index: AudienceIndex;
  let wsId: string;
  const ids: number[] = [];
  let serial = 0;
  const view = (contact: string): EventImportItem => ({
    line: ++serial,
    row: {
      id: `v${serial}`,
      contactExternalId: contact,
      type: 'view',
      at: NOW.getTime() - 60_000,
      props: {},
    },
  });
  const ingest = (items: EventImportItem[]) =>
    ingestEvents(store.db, wsId, items, NOW, { onListenerError: (e) => expect.fail(String(e)) });
  const externalIdOf = async (id: number) =>
    (
      await store.db
        .selectFrom('contacts')
        .select('external_id')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).external_id;

  beforeAll(async () => {
    if (skip) return;
    store = await openTestStore(name);
    index = audienceIndexFor(store);
    const ws = await createWorkspace(
      store.db,
      { slug: 'take', name: 'Take' },
      { actor: 'test', ownerUserId: null, defaultTimezone: 'Asia/Shanghai', now: NOW },
    );
    wsId = ws.id;
    for (let i = 0; i < 4; i++)
      ids.push(
        await writeContact(
          store.db,
          wsId,
          { created_at: NOW.toISOString(), attrs: {}, tags: [], events: [] },
          NOW,
        ),
      );
  });
  afterAll(async () => {
    await index?.close();
    await store?.close();
  });

  it.skipIf(skip)(`applies a batch it wrote without reading it back (${skip ?? 'runs'})`, async () => {
    expect(await index.count(wsId, VIEWERS, { at: NOW })).toBe(0);
    const report = await ingest([view(await externalIdOf(ids[0]!)), view(await externalIdOf(ids[1]!))]);
    expect(report.ingested).toBe(2);
    // Gone from the store without a feed row: only the writer's hand-over can still show them.
    await store.db
      .deleteFrom('events')
      .where('event_id', 'in', [`v${serial - 1}`, `v${serial}`])
      .execute();
    expect(await index.count(wsId, VIEWERS, { at: NOW })).toBe(2);
  });

  it.skipIf(skip)(
    `reads from the store what another writer put before the batch (${skip ?? 'runs'})`,
    async () => {
      // Another process's event, which this index has not read yet.
      await insertEvents(
        store.db,
        wsId,
        [
          {
            eventId: 'other',
            contactId: ids[2]!,
            type: 'view',
            at: NOW.getTime() - 1,
            sourceKind: null,
            sourceId: null,
            props: '{}',
          },
        ],
        NOW.toISOString(),
      );
      await ingest([view(await externalIdOf(ids[3]!))]);
      expect(await index.count(wsId, VIEWERS, { at: NOW })).toBe(4);
    },
  );

  it.skipIf(skip)(
    `does not revive a contact erased before the batch is applied (${skip ?? 'runs'})`,
    async () => {
      await eraseContact(store.db, wsId, ids[3]!, NOW);
      expect(await index.count(wsId, VIEWERS, { at: NOW })).toBe(3);
      // The newest event, taken from the writer: the index has read every seq up to it.
      await ingest([view(await externalIdOf(ids[0]!))]);
      const seq = Number(
        (
          await store.db
            .selectFrom('events')
            .select((eb) => eb.fn.max('seq').as('m'))
            .executeTakeFirstOrThrow()
        ).m,
      );
      // A batch committed before the erasure, handed over after it.
      index.takeEvents({
        priorSeq: seq,
        rows: [
          { seq: seq + 1, workspace_id: wsId, contact_id: ids[3]!, type: 'view', at: NOW.getTime() - 1 },
        ],
      });
      expect(await index.count(wsId, VIEWERS, { at: NOW })).toBe(3);
    },
  );
});
