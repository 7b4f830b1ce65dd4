import { afterEach, describe, expect, it } from 'vitest';
import { addEvent, flowWorkspace } from '../../../test/support/flow-fixtures.js';
import { call, createTestApp } from '../../../test/support/app.js';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.js';
import { advanceFlows } from './advance-flows.js';

const flow = (text: string) => ({
  name: '回访',
  status: 'active',
  trigger: { type: 'friend_added' },
  steps: [
    { id: 'hi', type: 'send', text },
    { id: 'call', type: 'task', at: 'day 1 +0 min', title: '电话回访', assignee: 'operator@fa1.test' },
  ],
});

describe.each(storeKinds())('flows API on $title', ({ name, skip }) => {
  let store: TestStore;
  afterEach(async () => store?.close());

  it.skipIf(skip)(
    'versions edits (runs keep theirs), lists runs and tasks, completes tasks, simulates',
    async () => {
      store = await openTestStore(name);
      const w = await flowWorkspace(store, 'fa1', 2);
      const { app, clock } = createTestApp(store);
      const op = w.tokens.operator;
      const base = '/api/v1/workspaces/fa1';
      const created = await (await call(app, 'POST', `${base}/flows`, op, flow('你好'))).json();
      expect(created).toMatchObject({ created: true, flow: { version: 1, status: 'active' } });
      const id = created.flow.id as string;
      expect((await call(app, 'POST', `${base}/flows`, w.tokens.analyst, flow('x'))).status).toBe(403);
      const bad = await call(app, 'POST', `${base}/flows`, op, {
        ...flow('x'),
        steps: [{ id: 's', type: 'send', at: 'later', text: 'x' }],
      });
      expect(bad.status).toBe(400);

      await advanceFlows(store, clock.now());
      await addEvent(store, w.ws.id, 'c1', 'add_friend', clock.now());
      await advanceFlows(store, clock.now());
      const edited = await (await call(app, 'PUT', `${base}/flows/${id}`, op, flow('您好'))).json();
      expect(edited).toMatchObject({ versioned: true, flow: { version: 2 } });
      await addEvent(store, w.ws.id, 'c2', 'add_friend', clock.now());
      await advanceFlows(store, clock.now());

      const runs = await (
        await call(app, 'GET', `${base}/flows/${id}/runs?limit=1`, w.tokens.analyst)
      ).json();
      expect(runs.counts).toEqual({ active: 2 });
      expect(runs.items).toHaveLength(1);
      const page2 = await (
        await call(app, 'GET', `${base}/flows/${id}/runs?cursor=${runs.nextCursor}`, w.tokens.analyst)
      ).json();
      const all = [...runs.items, ...page2.items];
      const versionOf = new Map(
        all.map((r: { contactId: number; version: number }) => [r.contactId, r.version]),
      );
      expect(versionOf.get(w.contacts.get('c1')!)).toBe(1);
      expect(versionOf.get(w.contacts.get('c2')!)).toBe(2);
      expect(all[0].stepId).toBe('call');

      clock.advance(86_400_000);
      await advanceFlows(store, clock.now());
      const contactRuns = await (
        await call(app, 'GET', `${base}/contacts/${w.contacts.get('c1')}/flow-runs`, op)
      ).json();
      expect(contactRuns.items[0]).toMatchObject({ state: 'completed', version: 1 });
      const tasks = await (
        await call(app, 'GET', `${base}/flow-tasks?status=open&assignee=operator@fa1.test`, op)
      ).json();
      expect(tasks.items).toHaveLength(2);
      const done = await call(app, 'POST', `${base}/flow-tasks/${tasks.items[0].id}/complete`, op, {
        note: '已联系',
      });
      expect(await done.json()).toMatchObject({ status: 'done', note: '已联系' });
      expect(
        (await call(app, 'POST', `${base}/flow-tasks/${tasks.items[0].id}/complete`, op, {})).status,
      ).toBe(409);

      const paused = await (await call(app, 'POST', `${base}/flows/${id}/pause`, op)).json();
      expect(paused.status).toBe('paused');
      await call(app, 'POST', `${base}/flows/${id}/activate`, op);
      const sim = await call(app, 'POST', `${base}/simulate`, op, { days: 1, seed: 3 });
      expect(sim.status).toBe(200);
      expect(await sim.json()).toMatchObject({ isolation: 'copy', days: 1, seed: 3 });
    },
  );
});
