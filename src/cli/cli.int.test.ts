// The `guimi` CLI on the same store as the server: workspace and token commands, JSON output, exit codes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp } from '../../test/support/app.js';
import { openTestStore, storeKinds, type TestStore } from '../../test/support/stores.js';
import { runCli } from './main.js';

async function guimi(env: Record<string, string>, ...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    env: { GUIMI_LOG_LEVEL: 'silent', ...env },
    io: { out: (t) => void (out += t), err: (t) => void (err += t), interactive: false },
  });
  return { code, out, err };
}

describe.each(storeKinds())('guimi CLI on $title', ({ name, skip }) => {
  let store: TestStore;
  beforeAll(async () => {
    if (!skip) store = await openTestStore(name);
  });
  afterAll(async () => store?.close());

  it.skipIf(skip)(`migrates, creates and lists workspaces (${skip ?? 'runs'})`, async () => {
    const migrated = await guimi(store.env, 'migrate', '--json');
    expect(migrated.code).toBe(0);
    expect(JSON.parse(migrated.out).applied).toEqual([]);
    const created = await guimi(
      store.env,
      'workspace',
      'create',
      '--slug',
      'glow',
      '--name',
      '光彩',
      '--json',
    );
    expect(created.code).toBe(0);
    expect(JSON.parse(created.out)).toMatchObject({ slug: 'glow', name: '光彩', timezone: 'Asia/Shanghai' });
    await guimi(store.env, 'workspace', 'create', '--slug', 'other', '--name', 'Other');
    const listed = await guimi(store.env, 'workspace', 'list', '--json');
    expect(JSON.parse(listed.out).items.map((w: { slug: string }) => w.slug)).toEqual(['glow', 'other']);
    const text = await guimi(store.env, 'workspace', 'list');
    expect(text.out).toContain('glow\t光彩');
  });

  it.skipIf(skip)('prints a token that authorizes API calls in its workspace only', async () => {
    const r = await guimi(
      store.env,
      'token',
      'create',
      '--workspace',
      'glow',
      '--role',
      'operator',
      '--json',
    );
    expect(r.code).toBe(0);
    const { secret, token } = JSON.parse(r.out);
    expect(token.role).toBe('operator');
    const plain = await guimi(store.env, 'token', 'create', '--workspace', 'glow', '--role', 'analyst');
    expect(plain.out.trim()).toMatch(/^gm_\S+$/);
    const { app } = createTestApp(store);
    const own = await call(app, 'GET', '/api/v1/workspaces/glow', secret);
    expect(own.status).toBe(200);
    expect((await own.json()).role).toBe('operator');
    expect((await call(app, 'GET', '/api/v1/workspaces/other', secret)).status).toBe(404);
  });

  it.skipIf(skip)('creates users and members', async () => {
    const r = await guimi(
      store.env,
      'user',
      'create',
      '--email',
      'Li@Brand.test',
      '--password',
      'password-1',
      '--workspace',
      'glow',
      '--role',
      'analyst',
      '--json',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ user: { email: 'li@brand.test' }, role: 'analyst' });
    const dup = await guimi(
      store.env,
      'user',
      'create',
      '--email',
      'li@brand.test',
      '--password',
      'password-1',
      '--json',
    );
    expect(dup.code).toBe(2);
    expect(JSON.parse(dup.out).error.code).toBe('CONFLICT');
  });

  it.skipIf(skip)('exits 2 on bad input with a clear message', async () => {
    const badRole = await guimi(store.env, 'token', 'create', '--workspace', 'glow', '--role', 'boss');
    expect(badRole.code).toBe(2);
    expect(badRole.err).toMatch(/role/);
    const noWs = await guimi(store.env, 'token', 'create', '--workspace', 'nope', '--role', 'owner');
    expect(noWs.code).toBe(2);
    expect(noWs.err).toContain('workspace "nope" not found');
    const missing = await guimi(store.env, 'workspace', 'create', '--slug', 'x');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--name');
    const badSlug = await guimi(
      store.env,
      'workspace',
      'create',
      '--slug',
      'Not OK',
      '--name',
      'n',
      '--json',
    );
    expect(badSlug.code).toBe(2);
    expect(JSON.parse(badSlug.out).error.message).toContain('slug');
  });
});

describe('guimi CLI configuration errors', () => {
  it('names the bad environment variable and exits 2', async () => {
    const r = await guimi({ PORT: 'eighty', GUIMI_DATA_DIR: '/tmp/never-used' }, 'workspace', 'list');
    expect(r.code).toBe(2);
    expect(r.err).toContain('PORT="eighty"');
  });

  it('reports an unreachable PostgreSQL as a failure (exit 1)', async () => {
    const r = await guimi({ DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/x' }, 'workspace', 'list');
    expect(r.code).toBe(1);
    expect(r.err).toContain('cannot reach PostgreSQL at postgresql://127.0.0.1:1/x');
  });
});
