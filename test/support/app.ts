// In-process HTTP for integration tests: the real app on a real store, called with app.request().
import { buildApp } from '../../src/app.js';
import { createUser } from '../../src/access/create-user.js';
import { RateLimiter } from '../../src/platform/auth/rate-limit.js';
import { VirtualClock, type Clock } from '../../src/platform/clock.js';
import { loadConfig } from '../../src/platform/config.js';
import type { AppDeps, GuimiApp } from '../../src/platform/http/context.js';
import { createLogger } from '../../src/platform/log.js';
import type { Store } from '../../src/platform/store/open-store.js';
import { createToken } from '../../src/workspaces/create-token.js';
import { createWorkspace } from '../../src/workspaces/create-workspace.js';
import type { Role } from '../../src/platform/auth/roles.js';
import { addMember } from '../../src/workspaces/add-member.js';

export interface TestApp {
  app: GuimiApp;
  deps: AppDeps;
  clock: VirtualClock;
}

export function createTestApp(
  store: Store,
  opts: { clock?: Clock; env?: Record<string, string> } = {},
): TestApp {
  const clock = (opts.clock as VirtualClock | undefined) ?? new VirtualClock('2026-11-23T02:00:00Z');
  const config = loadConfig({ GUIMI_DATA_DIR: '/nonexistent', ...opts.env });
  const deps: AppDeps = {
    store,
    clock,
    config,
    logger: createLogger('silent'),
    loginLimiter: new RateLimiter(10, 15 * 60_000),
  };
  return { app: buildApp(deps), deps, clock };
}

export const PASSWORD = 'correct horse battery';

/** A workspace with one user per role and one API token per role. */
export async function seedWorkspace(store: Store, slug: string, now = new Date('2026-11-23T01:00:00Z')) {
  const owner = await createUser(
    store.db,
    { email: `owner@${slug}.test`, password: PASSWORD, name: `${slug} owner` },
    now,
  );
  const ws = await createWorkspace(
    store.db,
    { slug, name: `Brand ${slug}` },
    { actor: 'test', ownerUserId: owner.id, defaultTimezone: 'Asia/Shanghai', now },
  );
  const users: Record<Role, string> = { owner: owner.email, operator: '', analyst: '', koc: '' };
  const tokens = {} as Record<Role, string>;
  for (const role of ['operator', 'analyst', 'koc'] as const) {
    const m = await addMember(
      store.db,
      ws.id,
      { email: `${role}@${slug}.test`, role, password: PASSWORD },
      { actor: 'test', now },
    );
    users[role] = m.email;
  }
  for (const role of ['owner', 'operator', 'analyst', 'koc'] as const) {
    tokens[role] = (
      await createToken(store.db, ws.id, { name: role, role }, { actor: 'test', createdBy: null, now })
    ).secret;
  }
  return { ws, users, tokens };
}

export interface Session {
  cookie: string;
  csrf: string;
}

export async function login(app: GuimiApp, email: string, password = PASSWORD): Promise<Session> {
  const res = await app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

/** JSON request helper: `as` is a session or an API token secret. */
export function call(
  app: GuimiApp,
  method: string,
  path: string,
  as: Session | string | null,
  body?: unknown,
) {
  const headers: Record<string, string> = {};
  if (typeof as === 'string') headers.authorization = `Bearer ${as}`;
  else if (as) {
    headers.cookie = as.cookie;
    headers['x-csrf-token'] = as.csrf;
  }
  if (body !== undefined) headers['content-type'] = 'application/json';
  return app.request(path, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}
