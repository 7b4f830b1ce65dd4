// Walks every route of the OpenAPI document as every role, with tokens and sessions of another
// workspace, and without credentials: another workspace's caller gets 404 and no data; a role without
// the route's permission gets 403. Routes join this matrix by declaring guard() — nothing to list here.
// The koc role reaches only `read:own` routes; every answer it gets there is checked against two seeded
// KOCs: nothing of the other KOC's fans, KOC or communities.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleAllows, roles, type Permission } from '../../src/platform/auth/roles.js';
import { createTestApp, login, call, seedWorkspace, type Session, type TestApp } from '../support/app.js';
import { seedTwoKocs, type KocSide } from '../support/koc-fixture.js';
import { openTestStore, storeKinds, type TestStore } from '../support/stores.js';

interface Operation {
  method: string;
  path: string;
  permission: Permission | undefined;
}

const publicPaths = new Set([
  '/healthz',
  '/openapi.json',
  '/api/v1/auth/login',
  '/api/v1/public/apply/{ws}/{drive}',
  '/wecom/callback/{key}',
]);
/** Workspace routes behind guard(); public ones (no login, e.g. a KOC application) name {ws} too. */
const guarded = (o: Operation) => o.path.includes('{ws}') && !publicPaths.has(o.path);

describe.each(storeKinds())('access matrix on $title', ({ name, skip }) => {
  let store: TestStore;
  let t: TestApp;
  let a: Awaited<ReturnType<typeof seedWorkspace>>;
  let b: Awaited<ReturnType<typeof seedWorkspace>>;
  const sessions = {} as Record<(typeof roles)[number], Session>;
  let ops: Operation[] = [];
  let kocs: { a: KocSide; b: KocSide };

  beforeAll(async () => {
    if (skip) return;
    store = await openTestStore(name);
    t = createTestApp(store);
    a = await seedWorkspace(store, 'brand-a');
    b = await seedWorkspace(store, 'brand-b');
    for (const role of roles) sessions[role] = await login(t.app, a.users[role]);
    kocs = await seedTwoKocs(store, t, a.ws, a.tokens.owner);
    const kocUser = await store.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', a.users.koc)
      .executeTakeFirstOrThrow();
    const linked = await call(
      t.app,
      'PUT',
      `/api/v1/workspaces/${a.ws.slug}/members/${kocUser.id}/koc`,
      a.tokens.owner,
      { kocId: kocs.a.kocId },
    );
    expect(linked.status).toBe(200);
    const doc = (await (await t.app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { 'x-guimi-permission'?: Permission }>>;
    };
    ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        permission: op['x-guimi-permission'],
      })),
    );
  });
  afterAll(async () => store?.close());

  const fill = (path: string, ws: string) => path.replace('{ws}', ws).replace(/\{[^}]+\}/g, 'missing-id');
  const body = (method: string) => (['POST', 'PUT', 'PATCH'].includes(method) ? {} : undefined);

  it.skipIf(skip)(`covers the workspace routes (${skip ?? 'PostgreSQL available'})`, () => {
    const scoped = ops.filter(guarded);
    expect(scoped.length).toBeGreaterThan(5);
    for (const o of scoped) expect(o.permission, `${o.method} ${o.path} declares no guard()`).toBeDefined();
  });

  it.skipIf(skip)('another workspace’s tokens and sessions get 404 and no data', async () => {
    for (const o of ops.filter(guarded)) {
      for (const role of roles) {
        for (const as of [a.tokens[role], sessions[role]]) {
          const res = await call(t.app, o.method, fill(o.path, b.ws.slug), as, body(o.method));
          const text = await res.text();
          expect(res.status, `${role} ${o.method} ${o.path}: ${text}`).toBe(404);
          expect(text).not.toContain(b.ws.id);
          expect(text).not.toContain('Brand brand-b');
          expect(JSON.parse(text).error.code).toBe('NOT_FOUND');
        }
      }
    }
  });

  it.skipIf(skip)('each role gets 403 exactly where its permission is missing', async () => {
    for (const o of ops.filter(guarded)) {
      for (const role of roles) {
        for (const as of [a.tokens[role], sessions[role]]) {
          const res = await call(t.app, o.method, fill(o.path, a.ws.slug), as, body(o.method));
          const allowed = roleAllows(role, o.permission!);
          if (allowed) expect(res.status, `${role} ${o.method} ${o.path}`).not.toBe(403);
          else {
            expect(res.status, `${role} ${o.method} ${o.path}`).toBe(403);
            expect(((await res.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
          }
        }
      }
    }
  });

  it.skipIf(skip)(
    'the koc role’s answers hold only its own KOC’s fans, communities and figures',
    async () => {
      const { a: own, b: other } = kocs;
      // Every path parameter is tried with every seeded id, so a route that forgets to narrow is caught
      // whichever parameter it takes; the query carries what the ladder funnel requires.
      const ids = [own, other].flatMap((k) => [
        k.kocId,
        ...k.fans.map((f) => String(f.id)),
        ...k.communities.map((c) => c.id),
        'shanghai',
      ]);
      const paths = (path: string): string[] => {
        const param = /\{(?!ws\})[^}]+\}/.exec(path);
        return param ? ids.flatMap((id) => paths(path.replace(param[0], id))) : [path];
      };
      const query = '?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z&limit=500';
      // Names always; ids only in a 200 (an error may echo the id the caller sent). Not community ids: an
      // own fan's event history names the communities it joined, the other KOC's too.
      const names = [other.kocName, ...other.communities.map((c) => c.name)].concat(
        other.fans.flatMap((f) => [f.name, f.externalId]),
      );
      const leaks = (text: string, ok: boolean) =>
        [
          ...names,
          ...(ok ? [other.kocId, ...other.fans.map((f) => new RegExp(`"(id|contactId)":${f.id}\\b`))] : []),
        ].filter((x) => (typeof x === 'string' ? text.includes(x) : x.test(text)));
      const seen = { ok: 0, ownFans: 0 };
      for (const o of ops.filter((x) => guarded(x) && roleAllows('koc', x.permission!))) {
        for (const path of paths(o.path.replace('{ws}', a.ws.slug))) {
          const url = o.method === 'GET' ? path + query : path;
          const res = await call(t.app, o.method, url, sessions.koc, body(o.method));
          const text = await res.text();
          expect(res.status, `${o.method} ${url}: ${text}`).not.toBe(500);
          expect(leaks(text, res.status === 200), `${o.method} ${url}: ${text}`).toEqual([]);
          if (res.status !== 200) continue;
          seen.ok++;
          if (own.fans.some((f) => text.includes(f.name))) seen.ownFans++;
          // A koc API token is linked to no KOC: it sees no fan at all.
          const tokenRes = await call(t.app, o.method, url, a.tokens.koc, body(o.method));
          const byToken = await tokenRes.text();
          expect(leaks(byToken, tokenRes.status === 200), `token ${o.method} ${url}`).toEqual([]);
          for (const f of own.fans) expect(byToken, `token ${o.method} ${url}`).not.toContain(f.name);
        }
      }
      // Not vacuous: the koc role did read its own fans (fans, contacts, exports, community members...).
      expect(seen.ok).toBeGreaterThan(20);
      expect(seen.ownFans).toBeGreaterThan(5);
      const api = async <T>(path: string) =>
        (await (
          await call(t.app, 'GET', `/api/v1/workspaces/${a.ws.slug}${path}`, sessions.koc)
        ).json()) as T;
      const tiers = await api<{ items: { count: number }[] }>('/ladder/tiers');
      expect(tiers.items.reduce((n, x) => n + x.count, 0)).toBe(own.fans.length);
      const communities = await api<{ items: { id: string }[] }>('/communities');
      expect(communities.items.map((c) => c.id).sort()).toEqual(own.communities.map((c) => c.id).sort());
      const members = await api<{ items: { contactId: number }[] }>(
        `/communities/${own.communities[0]!.id}/members`,
      );
      expect(members.items.map((m) => m.contactId)).toEqual([own.fans[0]!.id]);
    },
  );

  it.skipIf(skip)('without credentials every non-public route answers 401', async () => {
    for (const o of ops.filter((x) => !publicPaths.has(x.path))) {
      const res = await call(t.app, o.method, fill(o.path, a.ws.slug), null, body(o.method));
      expect(res.status, `${o.method} ${o.path}`).toBe(401);
    }
  });

  it.skipIf(skip)('user-only routes refuse API tokens', async () => {
    for (const o of ops.filter((x) => !x.path.includes('{ws}') && !publicPaths.has(x.path))) {
      const res = await call(t.app, o.method, fill(o.path, a.ws.slug), a.tokens.owner, body(o.method));
      expect(res.status, `${o.method} ${o.path}`).toBe(403);
    }
  });
});
