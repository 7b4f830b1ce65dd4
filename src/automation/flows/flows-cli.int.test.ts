import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main.js';
import { VirtualClock } from '../../platform/clock.js';
import { flowWorkspace } from '../../../test/support/flow-fixtures.js';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.js';

const clock = new VirtualClock('2026-11-23T02:00:00Z');

const yaml = (group: string, firstAt = 'day 0 +0 min') => `name: 晚间话题
status: active
trigger: { type: cron, cron: "0 20 * * *" }
community: ${group}
reentry: always
steps:
  - id: topic
    type: group
    group: ${group}
    at: ${firstAt}
    text: 今晚聊聊护肤小技巧
  - id: dm
    type: send
    text: "{{contact.name}}，今晚群里见"
---
name: welcome
status: active
trigger: { type: friend_added }
steps:
  - { id: hello, type: send, at: day 0 +1 min, text: 欢迎 }
`;

describe.each(storeKinds())('guimi flows and simulate on $title', ({ name, skip }) => {
  let store: TestStore;
  afterEach(async () => store?.close());

  async function cli(...argv: string[]) {
    let out = '';
    let err = '';
    const code = await runCli(argv, {
      env: store.env,
      clock,
      io: { out: (t) => void (out += t), err: (t) => void (err += t), interactive: false },
    });
    return { code, out, err };
  }

  it.skipIf(skip)(
    'applies and exports flow files (round trip, versions, errors with paths and lines)',
    async () => {
      store = await openTestStore(name);
      const w = await flowWorkspace(store, 'fc1', 3);
      const dir = mkdtempSync(join(tmpdir(), 'guimi-flows-'));
      const file = join(dir, 'flows.yaml');
      writeFileSync(file, yaml(w.groupId));
      const applied = await cli('flows', 'apply', file, '--workspace', 'fc1', '--json');
      expect(applied.code).toBe(0);
      expect(JSON.parse(applied.out).items.map((f: { result: string }) => f.result)).toEqual([
        'created',
        'created',
      ]);

      const out = join(dir, 'export');
      expect((await cli('flows', 'export', '--workspace', 'fc1', '--out', out, '--json')).code).toBe(0);
      expect(readdirSync(out).sort()).toEqual(['welcome.yaml', '晚间话题.yaml']);
      for (const f of readdirSync(out)) {
        const again = await cli('flows', 'apply', join(out, f), '--workspace', 'fc1', '--json');
        expect(JSON.parse(again.out).items[0].result).toBe('unchanged');
      }

      writeFileSync(file, yaml(w.groupId, 'day 0 at 20:05'));
      const edited = JSON.parse((await cli('flows', 'apply', file, '--workspace', 'fc1', '--json')).out);
      expect(edited.items.map((f: { result: string; version: number }) => [f.result, f.version])).toEqual([
        ['updated', 2],
        ['unchanged', 1],
      ]);
      const exported = JSON.parse((await cli('flows', 'export', '--workspace', 'fc1', '--json')).out);
      expect(exported.items.find((f: { name: string }) => f.name === '晚间话题').steps[0].at).toBe(
        'day 0 at 20:05',
      );

      writeFileSync(file, yaml(w.groupId, 'tomorrow evening'));
      const bad = await cli('flows', 'apply', file, '--workspace', 'fc1', '--json');
      expect(bad.code).toBe(2);
      expect(bad.err).toContain(`flows.yaml:10: steps[0].at: expected "day N at HH:MM" or "day N +M min"`);
      expect(JSON.parse(bad.out).error.details.issues[0]).toMatchObject({ path: 'steps[0].at', line: 10 });
      expect(readFileSync(file, 'utf8')).toContain('tomorrow evening');
    },
  );

  it.skipIf(skip)('simulates two days on a copy and reports touches, holds and events', async () => {
    store = await openTestStore(name);
    const w = await flowWorkspace(store, 'fc2', 4);
    const file = join(mkdtempSync(join(tmpdir(), 'guimi-flows-')), 'flows.yaml');
    writeFileSync(file, yaml(w.groupId));
    expect((await cli('flows', 'apply', file, '--workspace', 'fc2')).code).toBe(0);
    const sim = await cli('simulate', '--workspace', 'fc2', '--days', '2', '--seed', '7', '--json');
    expect(sim.err).toBe('');
    expect(sim.code).toBe(0);
    const r = JSON.parse(sim.out);
    expect(r).toMatchObject({ isolation: 'copy', days: 2, seed: 7 });
    const topic = r.touches.byFlow.find((t: { step: string }) => t.step === 'topic');
    const dm = r.touches.byFlow.find((t: { step: string }) => t.step === 'dm');
    // Two evenings × the members still in the community (virtual fans may leave after the first).
    expect(topic.total).toBeGreaterThanOrEqual(5);
    expect(topic.total).toBeLessThanOrEqual(8);
    expect(dm.total).toBe(topic.total);
    expect(r.touches.total).toBe(topic.total + dm.total);
    expect(r.events.byType.message).toBeGreaterThanOrEqual(dm.byState.sent ?? 0);
    expect(typeof r.holds.total).toBe('number');
    expect(r.runs['晚间话题']).toBeDefined();
    // The rehearsal ran on a copy: the workspace itself has no touches, runs or new events.
    expect(await store.db.selectFrom('touches').select('id').execute()).toHaveLength(0);
    expect(await store.db.selectFrom('flow_runs').select('id').execute()).toHaveLength(0);
    expect(await store.db.selectFrom('events').select('seq').execute()).toHaveLength(0);
  });

  it.skipIf(skip)('starts a manual flow by name, once per key', async () => {
    store = await openTestStore(name);
    const w = await flowWorkspace(store, 'fc3', 3);
    const file = join(mkdtempSync(join(tmpdir(), 'guimi-flows-')), 'flows.yaml');
    writeFileSync(
      file,
      `name: 直播提醒
status: active
trigger: { type: manual }
community: ${w.groupId}
steps:
  - { id: remind, type: send, text: 今晚八点直播 }
`,
    );
    expect((await cli('flows', 'apply', file, '--workspace', 'fc3')).code).toBe(0);
    const args = ['flows', 'start', '直播提醒', '--workspace', 'fc3', '--key', 'live-1'];
    const first = await cli(...args, '--external-ids', 'c1,c2', '--json');
    expect(first.err).toBe('');
    expect(JSON.parse(first.out)).toMatchObject({ key: 'live-1', enrolled: 2, touches: 2, already: 0 });
    const again = await cli(...args, '--external-ids', 'c1,c2', '--json');
    expect(JSON.parse(again.out)).toMatchObject({ enrolled: 0, already: 2, touches: 0 });
    const rest = await cli('flows', 'start', '直播提醒', '--workspace', 'fc3', '--audience', 'city = 上海');
    expect(rest.code).toBe(0);
    expect(rest.out).toMatch(/1 enrolled, 0 already, 2 skipped, 1 touches planned/);
    const touches = await store.db.selectFrom('touches').select('contact_id').execute();
    expect(touches.map((t) => Number(t.contact_id)).sort()).toEqual([...w.contacts.values()].sort());
    const missing = await cli('flows', 'start', 'nope', '--workspace', 'fc3', '--json');
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.out).error.code).toBe('NOT_FOUND');
  });
});
