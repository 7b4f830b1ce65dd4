import { afterEach, describe, expect, it } from 'vitest';
import { addContactTags, removeContactTags } from '../../audience/tags/write-contact-tags.js';
import { ensureTags } from '../../audience/tags/ensure-tags.js';
import { addEvent, flowTouches, flowWorkspace } from '../../../test/support/flow-fixtures.js';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.js';
import { advanceFlows } from './advance-flows.js';
import { saveFlow } from './save-flow.js';

const T0 = new Date('2026-11-23T02:00:00Z');
const min = (n: number) => new Date(T0.getTime() + n * 60_000);
const ctx = { actor: 'test', now: T0 };

const welcome = {
  name: 'welcome',
  status: 'active',
  trigger: { type: 'friend_added' },
  steps: [
    { id: 'hello', type: 'send', at: 'day 0 +1 min', text: '你好 {{contact.name}}' },
    { id: 'topic', type: 'send', at: 'day 1 at 20:00', text: '今晚话题' },
  ],
};

describe.each(storeKinds())('flow engine on $title', ({ name, skip }) => {
  let store: TestStore;
  afterEach(async () => store?.close());

  async function runs(flowName: string) {
    return store.db
      .selectFrom('flow_runs')
      .innerJoin('flows', 'flows.id', 'flow_runs.flow_id')
      .selectAll('flow_runs')
      .where('flows.name', '=', flowName)
      .orderBy('flow_runs.enrolled_at')
      .execute();
  }

  it.skipIf(skip)('enrolls on an event trigger and plans the first touch with the run key', async () => {
    store = await openTestStore(name);
    const w = await flowWorkspace(store, 'fe1');
    await saveFlow(store.db, w.ws.id, welcome, ctx);
    await advanceFlows(store, T0); // starts the event cursor
    await addEvent(store, w.ws.id, 'c1', 'add_friend', T0);
    const first = await advanceFlows(store, T0);
    expect(first.enrolled).toBe(1);
    expect(await flowTouches(store, w.ws.id)).toHaveLength(0); // +1 min not yet due
    await advanceFlows(store, min(1));
    const [run] = await runs('welcome');
    const touches = await flowTouches(store, w.ws.id);
    expect(touches).toHaveLength(1);
    expect(touches[0]!.idempotency_key).toBe(`${run!.id}:hello:${w.contacts.get('c1')}`);
    expect(JSON.parse(touches[0]!.content).text).toBe('你好 粉丝1');
    expect(touches[0]!.account_id).toBe(w.accountId);
    // Day 1 at 20:00 Shanghai = 12:00 UTC next day; advancing twice plans nothing new.
    await advanceFlows(store, min(2));
    expect(run!.next_due_at).not.toBeNull();
    const later = await advanceFlows(store, new Date('2026-11-24T12:00:00Z'));
    expect(later.completed).toBe(1);
    expect((await flowTouches(store, w.ws.id)).map((t) => t.step_id)).toEqual(['hello', 'topic']);
  });

  it.skipIf(skip)('applies re-entry rules', async () => {
    store = await openTestStore(name);
    const w = await flowWorkspace(store, 'fe2');
    const steps = [{ id: 'hi', type: 'send', text: 'hi' }];
    await saveFlow(
      store.db,
      w.ws.id,
      { name: 'never', status: 'active', trigger: { type: 'event', event: 'visit' }, steps },
      ctx,
    );
    await saveFlow(
      store.db,
      w.ws.id,
      {
        name: 'after',
        status: 'active',
        reentry: { afterDays: 2 },
        trigger: { type: 'event', event: 'visit' },
        steps,
      },
      ctx,
    );
    await saveFlow(
      store.db,
      w.ws.id,
      {
        name: 'always',
        status: 'active',
        reentry: 'always',
        trigger: { type: 'event', event: 'visit' },
        steps,
      },
      ctx,
    );
    await advanceFlows(store, T0);
    for (const day of [0, 1, 3]) {
      const at = new Date(T0.getTime() + day * 86_400_000);
      await addEvent(store, w.ws.id, 'c1', 'visit', at);
      await advanceFlows(store, at);
    }
    expect(await runs('never')).toHaveLength(1);
    expect(await runs('after')).toHaveLength(2); // day 0 and day 3
    expect(await runs('always')).toHaveLength(3);
  });

  it.skipIf(skip)('exits runs on leaving the audience and on opt-out', async () => {
    store = await openTestStore(name);
    const w = await flowWorkspace(store, 'fe3');
    const vip = (await ensureTags(store.db, w.ws.id, ['vip'], T0)).get('vip')!;
    await addContactTags(
      store.db,
      w.ws.id,
      [w.contacts.get('c1')!, w.contacts.get('c2')!, w.contacts.get('c3')!],
      [vip],
      'test',
      T0,
    );
    const flow = {
      name: 'vip',
      status: 'active',
      audience: 'tag:vip',
      trigger: { type: 'event', event: 'visit' },
      steps: [{ id: 'later', type: 'send', at: 'day 1 +0 min', text: 'x' }],
    };
    await saveFlow(store.db, w.ws.id, flow, ctx);
    await advanceFlows(store, T0);
    for (const c of ['c1', 'c2', 'c3', 'c4']) await addEvent(store, w.ws.id, c, 'visit', T0);
    expect((await advanceFlows(store, T0)).enrolled).toBe(3); // c4 is not a vip
    await removeContactTags(store.db, w.ws.id, [w.contacts.get('c1')!], [vip], min(5));
    await store.db
      .insertInto('opt_outs')
      .values({
        workspace_id: w.ws.id,
        contact_id: w.contacts.get('c2')!,
        word: 'TD',
        at: min(5).toISOString(),
      })
      .execute();
    await advanceFlows(store, new Date(T0.getTime() + 86_400_000));
    const byContact = new Map((await runs('vip')).map((r) => [Number(r.contact_id), r]));
    expect(byContact.get(w.contacts.get('c1')!)!.exit_reason).toBe('left_audience');
    expect(byContact.get(w.contacts.get('c2')!)!.exit_reason).toBe('opted_out');
    expect(byContact.get(w.contacts.get('c3')!)!.state).toBe('completed');
    expect((await flowTouches(store, w.ws.id)).map((t) => Number(t.contact_id))).toEqual([
      w.contacts.get('c3'),
    ]);
  });

  it.skipIf(skip)('branches on a reply, waits for an event with a timeout and creates tasks', async () => {
    store = await openTestStore(name);
    const w = await flowWorkspace(store, 'fe4');
    const flow = {
      name: 'nurture',
      status: 'active',
      trigger: { type: 'friend_added' },
      steps: [
        { id: 'ask', type: 'send', text: '喜欢哪款？' },
        {
          id: 'replied',
          type: 'branch',
          at: 'day 1 +0 min',
          ifEvent: { type: 'message', props: { direction: 'in' }, within: '1d' },
          then: 'active',
          else: 'click',
        },
        { id: 'active', type: 'tag', add: ['活跃'] },
        { id: 'click', type: 'wait', event: { type: 'click' }, timeout: '2d', onTimeout: 'call' },
        { id: 'clicked', type: 'tag', add: ['点击'] },
        // Segment conditions read the index: a tag written by an earlier step counts once that batch is written.
        { id: 'done', type: 'branch', at: 'day 1 +2 h', if: 'tag:点击', then: 'end', else: 'call' },
        { id: 'call', type: 'task', title: '电话回访', assignee: 'operator@fe4.test', due: '1d' },
      ],
    };
    await saveFlow(store.db, w.ws.id, flow, ctx);
    await advanceFlows(store, T0);
    for (const c of ['c1', 'c2', 'c3']) await addEvent(store, w.ws.id, c, 'add_friend', T0);
    await advanceFlows(store, T0);
    await addEvent(store, w.ws.id, 'c1', 'message', min(30), { direction: 'in', text: '第二款' });
    await advanceFlows(store, min(31));
    const day1 = new Date(T0.getTime() + 86_400_000);
    await advanceFlows(store, day1);
    await addEvent(store, w.ws.id, 'c2', 'click', new Date(day1.getTime() + 3_600_000));
    await advanceFlows(store, new Date(day1.getTime() + 3_600_000));
    await advanceFlows(store, new Date(day1.getTime() + 3 * 86_400_000));

    const tagged = await store.db
      .selectFrom('contact_tags')
      .innerJoin('tags', 'tags.id', 'contact_tags.tag_id')
      .select(['contact_tags.contact_id', 'tags.name'])
      .where('contact_tags.workspace_id', '=', w.ws.id)
      .execute();
    const tagsOf = (c: string) =>
      tagged
        .filter((t) => Number(t.contact_id) === w.contacts.get(c))
        .map((t) => t.name)
        .sort();
    expect(tagsOf('c1')).toEqual(['活跃']);
    expect(tagsOf('c2')).toEqual(['点击']);
    expect(tagsOf('c3')).toEqual([]);
    const tasks = await store.db
      .selectFrom('flow_tasks')
      .selectAll()
      .where('workspace_id', '=', w.ws.id)
      .execute();
    // c1 (active → falls through to click wait → times out → call) and c3 (timed out): c2 clicked.
    expect(tasks.map((t) => Number(t.contact_id)).sort()).toEqual(
      [w.contacts.get('c1')!, w.contacts.get('c3')!].sort(),
    );
    expect(tasks[0]!.assignee).toBe('operator@fe4.test');
    expect(tasks[0]!.status).toBe('open');
  });
});
