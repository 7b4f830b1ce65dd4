// Requests over a real socket: a DELETE without a body or Content-Type is fine; a wrong type is 415.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/server.js';

describe('request bodies over HTTP', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let cookie = '';
  let csrf = '';
  beforeAll(async () => {
    server = await startTestServer({ demo: false });
    const res = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@guimi.test', password: 'admin-password-1' }),
    });
    cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  });
  afterAll(async () => server?.close());

  it('accepts a bodiless DELETE and rejects a non-JSON body', async () => {
    const headers = { cookie, 'x-csrf-token': csrf };
    const created = await fetch(`${server.url}/api/v1/workspaces`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ slug: 'shop', name: 'Shop' }),
    });
    expect(created.status).toBe(201);
    const token = await fetch(`${server.url}/api/v1/workspaces/shop/tokens`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x', role: 'analyst' }),
    });
    const { token: t } = (await token.json()) as { token: { id: string } };
    const del = await fetch(`${server.url}/api/v1/workspaces/shop/tokens/${t.id}`, {
      method: 'DELETE',
      headers,
    });
    expect(del.status).toBe(204);
    const wrong = await fetch(`${server.url}/api/v1/workspaces`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/xml' },
      body: '<x/>',
    });
    expect(wrong.status).toBe(415);
  });
});
