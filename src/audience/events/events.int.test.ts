// Event ingestion: idempotency by id, row errors with the rest ingested, NDJSON upload, the listener hook,
// events about contacts held by id, and `guimi import events` (JSON output, exit codes).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, seedWorkspace, type TestApp } from '../../../test/support/app.js';
import { openTestStore, storeKinds, tempDir, type TestStore } from '../../../test/support/stores.js';
import { runCli } from '../../cli/main.js';
import { ingestEventsById } from './ingest-events.js';
import { onEventsIngested, type IngestedEvent } from './on-events-ingested.js';

async function guimi(env: Record<string, string>, ...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    env: { GUIMI_LOG_LEVEL: 'silent', ...env },
    io: { out: (s) => void (out += s), err: (s) => void (err += s), interactive: false },
  });
  return { code, out, err };
}

describe.each(storeKinds())('events on $title', ({ name, skip }) => {
  let store: TestStore;
  let t: TestApp;
  let seed: Awaited<ReturnType<typeof seedWorkspace>>;
  const api = (p: string) => `/api/v1/workspaces/${seed.ws.slug}${p}`;
  const post = (body: unknown) => call(t.app, 'POST', api('/events'), seed.tokens.operator, body);
  const at = Date.UTC(2026, 10, 20, 8);
  const eventCount = async () =>
    Number(
      (
        await store.db
          .selectFrom('events')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    if (skip) return;
    store = await openTestStore(name);
    t = createTestApp(store);
    seed = await seedWorkspace(store, 'events');
    for (const id of ['u1', 'u2'])
      await call(t.app, 'POST', api('/contacts'), seed.tokens.operator, { externalId: id });
  });
  afterAll(async () => store?.close());

  it.skipIf(skip)(
    `ingests a batch, reports row errors and is idempotent by id (${skip ?? 'runs'})`,
    async () => {
      const seen: IngestedEvent[] = [];
      const off = onEventsIngested((events) => void seen.push(...events));
      const events = [
        {
          id: 'e1',
          contact: 'u1',
          type: 'view',
          at,
          source: { kind: 'koc', id: 'k7' },
          props: { content: 'a1' },
        },
        { id: 'e2', contact: 'u2', type: 'order', at: new Date(at).toISOString(), props: { amount: 99 } },
        { id: 'e3', contact: 'nobody', type: 'like', at },
        { id: 'e4', contact: 'u1', type: 'Bad Type', at },
        { id: 'e5', contact: 'u2', type: 'unboxing_live', at },
      ];
      const first = await post({ events });
      expect(first.status).toBe(200);
      expect(await first.json()).toEqual({
        ingested: 3,
        duplicates: 0,
        failed: 2,
        errors: [
          { index: 2, reason: 'unknown contact "nobody"' },
          { index: 3, reason: expect.stringContaining('invalid type') },
        ],
      });
      off();
      expect(seen.map((e) => [e.type, e.source, e.props])).toEqual([
        ['view', { kind: 'koc', id: 'k7' }, { content: 'a1' }],
        ['order', null, { amount: 99 }],
        ['unboxing_live', null, {}],
      ]);
      expect(seen.every((e) => e.workspaceId === seed.ws.id && e.at === at)).toBe(true);

      const again = await (
        await post({
          events: [
            ...events.slice(0, 2),
            { id: 'e6', contact: 'u1', type: 'share', at },
            { id: 'e6', contact: 'u1', type: 'share', at },
          ],
        })
      ).json();
      expect(again).toMatchObject({ ingested: 1, duplicates: 3, failed: 0 });
      expect(await eventCount()).toBe(4);
      expect((await post({ events: [] })).status).toBe(400);
      expect((await call(t.app, 'POST', api('/events'), seed.tokens.analyst, { events })).status).toBe(403);
    },
  );

  it.skipIf(skip)('ingests an NDJSON upload with errors by line', async () => {
    const body = [
      JSON.stringify({ id: 'n1', contact: 'u1', type: 'comment', at }),
      'not json',
      '',
      JSON.stringify({ id: 'n2', contact: 'u2', type: 'click', at, props: { button: 'buy' } }),
      JSON.stringify({ id: 'e1', contact: 'u1', type: 'view', at }),
    ].join('\n');
    const res = await t.app.request(api('/events/upload'), {
      method: 'POST',
      headers: { authorization: `Bearer ${seed.tokens.operator}`, 'content-type': 'application/x-ndjson' },
      body,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      ingested: 2,
      duplicates: 1,
      failed: 1,
      errors: [{ line: 2, reason: expect.stringContaining('not valid JSON') }],
    });
  });

  it.skipIf(skip)("ingests events about contacts held by id: a merged one's to its survivor", async () => {
    const idOf = async (externalId: string) => {
      await call(t.app, 'POST', api('/contacts'), seed.tokens.operator, { externalId });
      const row = await store.db
        .selectFrom('contacts')
        .select('id')
        .where('workspace_id', '=', seed.ws.id)
        .where('external_id', '=', externalId)
        .executeTakeFirstOrThrow();
      return Number(row.id);
    };
    const [survivor, merged, erased] = [await idOf('m1'), await idOf('m2'), await idOf('m3')];
    await store.db.updateTable('contacts').set({ merged_into: survivor }).where('id', '=', merged).execute();
    const when = new Date(at).toISOString();
    await store.db.updateTable('contacts').set({ erased_at: when }).where('id', '=', erased).execute();
    const row = (id: string, contactId: number) => ({ id, contactId, type: 'join_group', at, props: {} });
    const items = [row('b1', survivor), row('b2', merged), row('b3', erased)].map((r, i) => ({
      line: i + 1,
      row: r,
    }));
    const report = await ingestEventsById(store.db, seed.ws.id, items, new Date(at), {
      onListenerError: (e) => {
        throw e;
      },
    });
    expect(report).toEqual({
      ingested: 2,
      duplicates: 0,
      failed: 1,
      errors: [{ line: 3, reason: `unknown contact "${erased}"` }],
    });
    const stored = await store.db
      .selectFrom('events')
      .select(['event_id', 'contact_id'])
      .where('event_id', 'in', ['b1', 'b2', 'b3'])
      .orderBy('event_id')
      .execute();
    expect(stored.map((e) => [e.event_id, Number(e.contact_id)])).toEqual([
      ['b1', survivor],
      ['b2', survivor],
    ]);
  });

  it.skipIf(skip)('guimi import events prints one JSON report; exit 0 processed, 2 unreadable', async () => {
    const dir = tempDir();
    const file = join(dir, 'events.jsonl');
    writeFileSync(
      file,
      [
        { id: 'f1', contact: 'u1', type: 'live_view', at, props: { minutes: 12 } },
        { id: 'f2', contact: 'ghost', type: 'read', at },
        { id: 'n1', contact: 'u1', type: 'comment', at },
        {
          id: 'f3',
          contact: 'u2',
          type: 'survey_answer',
          at: at + 1000,
          source: { kind: 'campaign', id: 'c1' },
        },
      ]
        .map((e) => JSON.stringify(e))
        .join('\n') + '\n',
    );
    const r = await guimi(store.env, 'import', 'events', file, '--workspace', seed.ws.slug, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      ingested: 2,
      duplicates: 1,
      failed: 1,
      errors: [{ line: 2, reason: 'unknown contact "ghost"' }],
    });
    const text = await guimi(store.env, 'import', 'events', file, '--workspace', seed.ws.slug);
    expect(text.code).toBe(0);
    expect(text.out).toContain('Ingested 0 events (3 duplicates, 1 failed)');

    const missing = await guimi(
      store.env,
      'import',
      'events',
      join(dir, 'nope.jsonl'),
      '--workspace',
      seed.ws.slug,
      '--json',
    );
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.out).error.code).toBe('IMPORT_UNREADABLE');
    writeFileSync(join(dir, 'empty.jsonl'), '');
    const empty = await guimi(
      store.env,
      'import',
      'events',
      join(dir, 'empty.jsonl'),
      '--workspace',
      seed.ws.slug,
    );
    expect(empty.code).toBe(2);
    expect(empty.err).toContain('empty');
    const noWs = await guimi(store.env, 'import', 'events', file, '--workspace', 'nope', '--json');
    expect(noWs.code).toBe(2);
  });
});
