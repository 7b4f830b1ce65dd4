// A seeding task's life: create, assign, the KOC submits (as itself), review with reject/resubmit and
// approve (reward recorded), leaderboards; the koc role sees only its own tasks and row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestApp,
  login,
  seedWorkspace,
  type Session,
  type TestApp,
} from '../../../test/support/app.js';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.js';
import { createKoc } from '../roster/create-koc.js';
import { linkMemberToKoc } from '../roster/link-member.js';

describe.each(storeKinds())('seeding tasks on $title', ({ name, skip }) => {
  let store: TestStore;
  let t: TestApp;
  let s: Awaited<ReturnType<typeof seedWorkspace>>;
  let me: Session;
  const k: Record<string, string> = {};
  const base = '/api/v1/workspaces/brand/koc';

  beforeAll(async () => {
    if (skip) return;
    store = await openTestStore(name);
    t = createTestApp(store);
    s = await seedWorkspace(store, 'brand');
    const now = new Date('2026-11-23T03:00:00Z');
    for (const [key, status] of [
      ['mine', 'active'],
      ['other', 'active'],
      ['paused', 'paused'],
    ] as const) {
      k[key] = (
        await createKoc(
          store.db,
          s.ws.id,
          { kind: 'user', name: key, status },
          { actor: 't', now, seesPii: true },
        )
      ).id;
    }
    const kocUser = await store.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', s.users.koc)
      .executeTakeFirstOrThrow();
    await linkMemberToKoc(store.db, s.ws.id, kocUser.id, k.mine!, { actor: 't', now });
    me = await login(t.app, s.users.koc);
  });
  afterAll(async () => store?.close());

  it.skipIf(skip)(
    'runs create → assign → submit → reject → resubmit → approve → reward → leaderboard',
    async () => {
      const task = {
        title: '秋冬精华种草',
        product: '修护精华',
        platform: 'xiaohongshu',
        dueAt: '2026-12-10T12:00:00+08:00',
        brief: '真实使用一周后的感受，带话题 #秋冬护肤',
        reward: { kind: 'points', amount: 200 },
      };
      expect(
        (
          await call(t.app, 'POST', `${base}/seeding-tasks`, s.tokens.operator, {
            ...task,
            materialIds: ['mat_nope'],
          })
        ).status,
      ).toBe(404);
      const created = await call(t.app, 'POST', `${base}/seeding-tasks`, s.tokens.operator, task);
      expect(created.status).toBe(201);
      const { id: taskId, dueAt } = (await created.json()) as { id: string; dueAt: string };
      expect(dueAt).toBe('2026-12-10T04:00:00.000Z');

      const assign = (ids: string[]) =>
        call(t.app, 'POST', `${base}/seeding-tasks/${taskId}/assignments`, s.tokens.operator, {
          kocIds: ids,
        });
      expect((await assign([k.paused!])).status).toBe(409);
      expect(await (await assign([k.mine!, k.other!])).json()).toEqual({ assigned: 2, already: 0 });
      expect(await (await assign([k.mine!])).json()).toEqual({ assigned: 0, already: 1 });

      const post = { link: 'https://www.xiaohongshu.com/explore/abc', reads: 1200, likes: 80, comments: 20 };
      const submit = (body: unknown) =>
        call(t.app, 'POST', `/api/v1/workspaces/brand/me/koc/tasks/${taskId}/submissions`, me, body);
      expect((await submit({ ...post, link: 'javascript:alert(1)' })).status).toBe(400);
      const first = (await (await submit(post)).json()) as { id: string; status: string };
      expect(first.status).toBe('pending');
      expect((await submit(post)).status).toBe(409); // awaiting review

      const review = (id: string, body: unknown) =>
        call(t.app, 'POST', `${base}/seeding-submissions/${id}/review`, s.tokens.operator, body);
      expect((await review(first.id, { decision: 'reject' })).status).toBe(400);
      expect((await review(first.id, { decision: 'reject', reason: '缺少话题' })).status).toBe(200);
      const second = (await (await submit({ ...post, reads: 1500 })).json()) as { id: string };
      const approved = (await (await review(second.id, { decision: 'approve' })).json()) as {
        status: string;
        reward: unknown;
      };
      expect(approved).toEqual({
        id: second.id,
        status: 'approved',
        reward: { kind: 'points', amount: 200 },
      });
      expect((await review(second.id, { decision: 'approve' })).status).toBe(409);

      const forOther = await call(
        t.app,
        'POST',
        `${base}/seeding-tasks/${taskId}/submissions`,
        s.tokens.operator,
        {
          kocId: k.other,
          link: 'https://v.douyin.com/x',
          reads: 900,
          likes: 300,
          comments: 100,
        },
      );
      await review(((await forOther.json()) as { id: string }).id, { decision: 'approve' });

      const reach = (await (
        await call(t.app, 'GET', `${base}/leaderboard?by=reach`, s.tokens.analyst)
      ).json()) as { items: { kocId: string; reads: number; rank: number }[] };
      expect(reach.items.map((r) => [r.kocId, r.reads, r.rank])).toEqual([
        [k.mine, 1500, 1],
        [k.other, 900, 2],
      ]);
      const inter = (await (
        await call(t.app, 'GET', `${base}/leaderboard?by=interaction`, s.tokens.analyst)
      ).json()) as { items: { kocId: string; interactions: number; interactionRate: number }[] };
      expect(inter.items.map((r) => [r.kocId, r.interactions])).toEqual([
        [k.other, 400],
        [k.mine, 100],
      ]);
      expect(inter.items[0]!.interactionRate).toBeCloseTo(400 / 900, 6);

      // The KOC itself: its own row only (rank kept), its tasks, its figures.
      const mine = (await (await call(t.app, 'GET', `${base}/leaderboard?by=interaction`, me)).json()) as {
        items: { kocId: string; rank: number }[];
      };
      expect(mine.items).toMatchObject([{ kocId: k.mine, rank: 2 }]);
      const detail = (await (await call(t.app, 'GET', `${base}/seeding-tasks/${taskId}`, me)).json()) as {
        submissions: { kocId: string }[];
        assignments: { kocId: string; name: string }[];
      };
      expect(new Set(detail.submissions.map((x) => x.kocId))).toEqual(new Set([k.mine]));
      expect(detail.assignments).toMatchObject([{ kocId: k.mine, name: 'mine' }]);
      const tasks = (await (
        await call(t.app, 'GET', '/api/v1/workspaces/brand/me/koc/tasks', me)
      ).json()) as { items: { myStatus: string }[] };
      expect(tasks.items.map((x) => x.myStatus)).toEqual(['approved']);
      const figures = (await (await call(t.app, 'GET', '/api/v1/workspaces/brand/me/koc', me)).json()) as {
        figures: unknown;
      };
      expect(figures.figures).toEqual({
        fans: 0,
        tasks: { assigned: 1, submitted: 0, approved: 1, rejected: 0 },
        reads: 1500,
        interactions: 100,
        rewards: { points: 200, money: 0 },
      });
    },
  );

  it.skipIf(skip)('a KOC cannot submit for a task it was not given, nor see it', async () => {
    const other = await call(t.app, 'POST', `${base}/seeding-tasks`, s.tokens.operator, {
      title: 'x',
      product: 'y',
      platform: 'douyin',
      dueAt: '2026-12-01T00:00:00Z',
      brief: 'z',
      reward: { kind: 'money', amount: 50 },
    });
    const { id } = (await other.json()) as { id: string };
    const r = await call(t.app, 'POST', `/api/v1/workspaces/brand/me/koc/tasks/${id}/submissions`, me, {
      link: 'https://a.b/c',
      reads: 1,
      likes: 0,
      comments: 0,
    });
    expect(r.status).toBe(404);
    expect((await call(t.app, 'GET', `${base}/seeding-tasks/${id}`, me)).status).toBe(404);
    const all = (await (await call(t.app, 'GET', `${base}/seeding-tasks`, me)).json()) as {
      items: { id: string }[];
    };
    expect(all.items.map((x) => x.id)).not.toContain(id);
  });
});
