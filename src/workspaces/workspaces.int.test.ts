// Workspaces, members, tokens and audit over HTTP, on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestApp,
  login,
  PASSWORD,
  seedWorkspace,
  type Session,
  type TestApp,
} from '../../test/support/app.js';
import { openTestStore, storeKinds, type TestStore } from '../../test/support/stores.js';

describe.each(storeKinds())('workspaces API on $title', ({ name, skip }) => {
  let store: TestStore;
  let t: TestApp;
  let a: Awaited<ReturnType<typeof seedWorkspace>>;
  let owner: Session;

  beforeAll(async () => {
    if (skip) return;
    store = await openTestStore(name);
    t = createTestApp(store);
    a = await seedWorkspace(store, 'acme');
    owner = await login(t.app, a.users.owner);
  });
  afterAll(async () => store?.close());

  it.skipIf(skip)(`logs in, lists my workspaces, creates one (${skip ?? 'runs'})`, async () => {
    const me = await (await call(t.app, 'GET', '/api/v1/me', owner)).json();
    expect(me.user.email).toBe(a.users.owner);
    expect(me.workspaces.map((w: { slug: string }) => w.slug)).toEqual(['acme']);
    const created = await call(t.app, 'POST', '/api/v1/workspaces', owner, {
      slug: 'second',
      name: '第二品牌',
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      slug: 'second',
      name: '第二品牌',
      timezone: 'Asia/Shanghai',
      role: 'owner',
    });
    const dup = await call(t.app, 'POST', '/api/v1/workspaces', owner, { slug: 'second', name: 'again' });
    expect(dup.status).toBe(409);
    const list = await (await call(t.app, 'GET', '/api/v1/workspaces', owner)).json();
    expect(list.items.map((w: { slug: string }) => w.slug).sort()).toEqual(['acme', 'second']);
  });

  it.skipIf(skip)('rejects bad input with a clear error and writes nothing', async () => {
    const unknownField = await call(t.app, 'POST', '/api/v1/workspaces', owner, {
      slug: 'x1',
      name: 'n',
      extra: 1,
    });
    expect(unknownField.status).toBe(400);
    expect((await unknownField.json()).error.code).toBe('VALIDATION');
    const badSlug = await call(t.app, 'POST', '/api/v1/workspaces', owner, { slug: 'Bad Slug', name: 'n' });
    expect((await badSlug.json()).error.message).toMatch(/json\.slug/);
    const headers = { cookie: owner.cookie, 'x-csrf-token': owner.csrf, 'content-type': 'application/json' };
    const malformed = await t.app.request('/api/v1/workspaces', {
      method: 'POST',
      headers,
      body: '{"slug":',
    });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.code).toBe('BAD_JSON');
    const wrongType = await t.app.request('/api/v1/workspaces', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/plain' },
      body: 'slug=x',
    });
    expect(wrongType.status).toBe(415);
    const huge = await t.app.request('/api/v1/workspaces', {
      method: 'POST',
      headers,
      body: JSON.stringify({ slug: 'big', name: 'x'.repeat(9_000_000) }),
    });
    expect(huge.status).toBe(413);
    const slugs = (await store.db.selectFrom('workspaces').select('slug').execute()).map((r) => r.slug);
    expect(slugs).not.toContain('x1');
    expect(slugs).not.toContain('big');
  });

  it.skipIf(skip)('needs the CSRF token for cookie-authenticated changes', async () => {
    const res = await t.app.request('/api/v1/workspaces', {
      method: 'POST',
      headers: { cookie: owner.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ slug: 'csrf-test', name: 'n' }),
    });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('CSRF');
  });

  it.skipIf(skip)('manages members and keeps one owner', async () => {
    const path = '/api/v1/workspaces/acme/members';
    const added = await call(t.app, 'POST', path, owner, {
      email: 'new@acme.test',
      role: 'analyst',
      password: PASSWORD,
    });
    expect(added.status).toBe(201);
    const member = await added.json();
    const noPassword = await call(t.app, 'POST', path, owner, { email: 'other@acme.test', role: 'analyst' });
    expect(noPassword.status).toBe(400);
    const changed = await call(t.app, 'PATCH', `${path}/${member.userId}`, owner, { role: 'operator' });
    expect((await changed.json()).role).toBe('operator');
    const me = await (await call(t.app, 'GET', '/api/v1/me', owner)).json();
    const demote = await call(t.app, 'PATCH', `${path}/${me.user.id}`, owner, { role: 'analyst' });
    expect(demote.status).toBe(409);
    expect((await call(t.app, 'DELETE', `${path}/${member.userId}`, owner)).status).toBe(204);
    const list = await (await call(t.app, 'GET', path, owner)).json();
    expect(list.items.map((m: { email: string }) => m.email)).not.toContain('new@acme.test');
  });

  it.skipIf(skip)('creates tokens shown once, authorizes with them, and revokes them', async () => {
    const res = await call(t.app, 'POST', '/api/v1/workspaces/acme/tokens', owner, {
      name: 'script',
      role: 'analyst',
    });
    expect(res.status).toBe(201);
    const { token, secret } = await res.json();
    expect(secret).toMatch(/^gm_/);
    const listed = await (await call(t.app, 'GET', '/api/v1/workspaces/acme/tokens', owner)).text();
    expect(listed).not.toContain(secret);
    expect((await call(t.app, 'GET', '/api/v1/workspaces/acme', secret)).status).toBe(200);
    expect((await call(t.app, 'DELETE', `/api/v1/workspaces/acme/tokens/${token.id}`, owner)).status).toBe(
      204,
    );
    const after = await call(t.app, 'GET', '/api/v1/workspaces/acme', secret);
    expect(after.status).toBe(401);
  });

  it.skipIf(skip)('records who changed what in the audit log, paged newest first', async () => {
    const first = await (await call(t.app, 'GET', '/api/v1/workspaces/acme/audit?limit=2', owner)).json();
    expect(first.items).toHaveLength(2);
    expect(first.items[0].action).toBe('token.revoke');
    expect(first.items[0].actor).toMatch(/^user:/);
    const rest = await (
      await call(t.app, 'GET', `/api/v1/workspaces/acme/audit?limit=100&cursor=${first.nextCursor}`, owner)
    ).json();
    const actions = [...first.items, ...rest.items].map((i: { action: string }) => i.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'member.add',
        'member.role',
        'member.remove',
        'token.create',
        'workspace.create',
      ]),
    );
    expect(new Set(actions.map((_, i) => i)).size).toBe(actions.length);
    const bad = await call(t.app, 'GET', '/api/v1/workspaces/acme/audit?cursor=nonsense', owner);
    expect(bad.status).toBe(400);
  });

  it.skipIf(skip)('logs out: the session no longer works', async () => {
    const s = await login(t.app, a.users.operator);
    expect((await call(t.app, 'POST', '/api/v1/auth/logout', s)).status).toBe(204);
    expect((await call(t.app, 'GET', '/api/v1/me', s)).status).toBe(401);
  });

  it.skipIf(skip)('rate-limits login guesses', async () => {
    const attempt = () =>
      t.app.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: a.users.analyst, password: 'wrong-password' }),
      });
    for (let i = 0; i < 10; i++) expect((await attempt()).status).toBe(401);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeTruthy();
  });
});
