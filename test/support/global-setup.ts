// Each test run gets its own PostgreSQL database (created here, dropped at the end). With CI=true an
// unreachable PostgreSQL fails the run; elsewhere the PostgreSQL tests are skipped with the reason.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string | null;
    pgSkipReason: string | null;
  }
}

const adminUrl = process.env.GUIMI_TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const name = `guimi_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
    await admin.query(`create database ${name}`);
  } catch (e) {
    await admin.end().catch(() => undefined);
    const where = new URL(adminUrl);
    const reason = `PostgreSQL unreachable at ${where.hostname}:${where.port || 5432} (${(e as Error).message})`;
    if (process.env.CI === 'true') throw new Error(`${reason}; CI=true requires it (set GUIMI_TEST_PG_URL)`);
    process.stderr.write(`\n[guimi tests] ${reason}: PostgreSQL tests are skipped.\n\n`);
    project.provide('pgUrl', null);
    project.provide('pgSkipReason', reason);
    return async () => undefined;
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  project.provide('pgUrl', url.toString());
  project.provide('pgSkipReason', null);
  return async () => {
    await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
    await admin.end();
  };
}
