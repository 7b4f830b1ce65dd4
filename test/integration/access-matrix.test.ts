// Walks every route of the OpenAPI document as every role, with tokens and sessions of another
// workspace, and without credentials: another workspace's caller gets 404 and no data; a role without
// the route's permission gets 403. Routes join this matrix by declaring guard() — nothing to list here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleAllows, roles, type Permission } from '../../src/platform/auth/roles.js';
import { createTestApp, login, call, seedWorkspace, type Session, type TestApp } from '../support/app.js';
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

  beforeAll(async () => {
    if (skip) return;
    store = await openTestStore(name);
    t = createTestApp(store);
    a = await seedWorkspace(store, 'brand-a');
    b = await seedWorkspace(store, 'brand-b');
    for (const role of roles) sessions[role] = await login(t.app, a.users[role]);
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
