// Selection in a workspace against a hand-computed answer: fan pools A={1,2,3,4}, B={3,4,5}, D={1,2},
// C={6} plus the imported social follower 7. Best 2: A+C reach 6; best 3 adds B (fan 5): reach 7. The
// social followers are recorded through POST /kocs/{id}/followers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, seedWorkspace, type TestApp } from '../../../test/support/app.js';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.js';
import { createContact } from '../../audience/contacts/create-contact.js';
import { runCli } from '../../cli/main.js';
import { attributeFans } from '../roster/attribute-fans.js';
import { createKoc } from '../roster/create-koc.js';

describe.each(storeKinds())('KOC selection in a workspace on $title', ({ name, skip }) => {
  let store: TestStore;
  let t: TestApp;
  let s: Awaited<ReturnType<typeof seedWorkspace>>;
  const id: Record<string, string> = {};
  const fan: number[] = [];

  beforeAll(async () => {
    if (skip) return;
    store = await openTestStore(name);
    t = createTestApp(store);
    s = await seedWorkspace(store, 'brand');
    const now = new Date('2026-11-23T03:00:00Z');
    for (let i = 1; i <= 7; i++) {
      const c = await createContact(
        store.db,
        s.ws.id,
        { externalId: `f${i}` },
        { viewer: { role: 'owner', kocId: null }, now },
      );
      fan[i] = c.id;
    }
    const pools: Record<string, number[]> = { A: [1, 2, 3, 4], B: [5], C: [6], D: [] };
    for (const k of ['A', 'B', 'C', 'D']) {
      const koc = await createKoc(
        store.db,
        s.ws.id,
        { kind: 'user', name: k, city: k === 'C' ? '杭州' : '上海' },
        { actor: 't', now, seesPii: true },
      );
      id[k] = koc.id;
      if (pools[k]!.length)
        await attributeFans(
          store.db,
          s.ws.id,
          koc.id,
          pools[k]!.map((i) => fan[i]!),
          now,
        );
    }
    // A contact belongs to one KOC; overlaps come from the social followers imported for the others.
    const social: [string, number][] = [
      ['B', 3],
      ['B', 4],
      ['D', 1],
      ['D', 2],
      ['C', 7],
    ];
    for (const [k, i] of social) {
      const res = await call(
        t.app,
        'POST',
        `/api/v1/workspaces/brand/kocs/${id[k]}/followers`,
        s.tokens.operator,
        {
          contactIds: [fan[i]!],
        },
      );
      expect(await res.json()).toEqual({ added: 1 });
    }
  });
  afterAll(async () => store?.close());

  const select = (body: unknown, as = s.tokens.analyst) =>
    call(t.app, 'POST', '/api/v1/workspaces/brand/koc/selection', as, body);

  it.skipIf(skip)('picks by de-duplicated reach with the curve and the overlap matrix', async () => {
    const two = (await (await select({ k: 2 })).json()) as {
      selected: string[];
      reach: number;
      candidates: number;
      picks: { name: string }[];
    };
    expect(two.candidates).toBe(4);
    expect(two.selected).toEqual([id.A, id.C]);
    expect(two.reach).toBe(6);
    expect(two.picks.map((p) => p.name)).toEqual(['A', 'C']);
    const three = (await (await select({ k: 3 })).json()) as {
      selected: string[];
      reach: number;
      marginal: number[];
      curve: number[];
      overlap: number[][];
    };
    expect(three.selected).toEqual([id.A, id.C, id.B]);
    expect(three.marginal).toEqual([4, 2, 1]);
    expect(three.curve).toEqual([4, 6, 7]);
    expect(three.overlap).toEqual([
      [4, 0, 2],
      [0, 2, 0],
      [2, 0, 3],
    ]);
  });

  it.skipIf(skip)('records social followers once each, only for writers and known contacts', async () => {
    const follow = (as: string, body: unknown) =>
      call(t.app, 'POST', `/api/v1/workspaces/brand/kocs/${id.B}/followers`, as, body);
    const again = await follow(s.tokens.operator, { contactIds: [fan[3]!, fan[4]!] });
    expect(await again.json()).toEqual({ added: 0 });
    expect((await follow(s.tokens.analyst, { contactIds: [fan[6]!] })).status).toBe(403);
    expect((await follow(s.tokens.operator, { contactIds: [fan[6]!, 987_654] })).status).toBe(404);
    const rows = await store.db
      .selectFrom('koc_social_followers')
      .select('contact_id')
      .where('koc_id', '=', id.B!)
      .execute();
    expect(rows.map((r) => Number(r.contact_id)).sort((a, b) => a - b)).toEqual([fan[3], fan[4]]);
  });

  it.skipIf(skip)('honours candidates, quotas and validation', async () => {
    const subset = (await (await select({ k: 1, kocIds: [id.B, id.D] })).json()) as {
      selected: string[];
      reach: number;
    };
    expect(subset).toMatchObject({ selected: [id.B], reach: 3 });
    const quota = (await (
      await select({ k: 2, quotas: [{ field: 'city', value: '杭州', max: 0 }] })
    ).json()) as { selected: string[]; reach: number };
    expect(quota.selected).toEqual([id.A, id.B]);
    expect(quota.reach).toBe(5);
    expect((await select({})).status).toBe(400);
    expect((await select({ k: 1, kocIds: ['koc_nope'] })).status).toBe(404);
  });

  it.skipIf(skip)('guimi koc select --workspace gives the same answer', async () => {
    let out = '';
    const code = await runCli(['koc', 'select', '--workspace', 'brand', '--k', '2', '--json'], {
      env: store.env,
      io: { out: (x) => void (out += x), err: () => undefined, interactive: false },
    });
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ selected: [id.A, id.C], reach: 6, curve: [4, 6] });
    const both = await runCli(
      ['koc', 'select', '--workspace', 'brand', '--candidates', 'x.jsonl', '--k', '1'],
      {
        env: store.env,
        io: { out: () => undefined, err: () => undefined, interactive: false },
      },
    );
    expect(both).toBe(2);
  });
});
