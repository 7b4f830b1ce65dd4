// `npm start` behaviour: an empty data dir with GUIMI_DEMO=0 serves /healthz, /openapi.json and the
// console; with the demo on, the demo workspace exists and its owner can log in.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/package-root.js';
import { startTestServer } from '../support/server.js';

describe('a fresh server without the demo', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer({ demo: false });
  });
  afterAll(async () => server?.close());

  it('answers /healthz and serves the OpenAPI document', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const doc = await (await fetch(`${server.url}/openapi.json`)).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toContain('/api/v1/workspaces/{ws}/tokens');
  });

  it('serves the console with a single-page fallback', async () => {
    const built = existsSync(join(packageRoot(), 'dist', 'console', 'index.html'));
    expect(built, 'run npm run build:console first').toBe(true);
    for (const path of ['/', '/login', '/w/demo/settings']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(await res.text()).toContain('<div id="root">');
    }
    expect((await fetch(`${server.url}/api/v1/nothing-here`)).status).toBe(404);
  });

  it('starts with no workspace', async () => {
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@guimi.test', password: 'admin-password-1' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await (
      await fetch(`${server.url}/api/v1/me`, { headers: { cookie: cookie.split(';')[0]! } })
    ).json();
    expect(me.workspaces).toEqual([]);
  });
});

describe('a fresh server with the demo', () => {
  it('creates the demo workspace owned by the admin', async () => {
    const server = await startTestServer({ demo: true });
    try {
      const login = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@guimi.test', password: 'admin-password-1' }),
      });
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const me = await (await fetch(`${server.url}/api/v1/me`, { headers: { cookie } })).json();
      expect(me.workspaces).toMatchObject([{ slug: 'demo', role: 'owner', timezone: 'Asia/Shanghai' }]);
    } finally {
      await server.close();
    }
  });
});
