import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { AppError } from './errors.js';

describe('loadConfig', () => {
  it('applies defaults', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(8080);
    expect(c.GUIMI_DEMO).toBe(true);
    expect(c.GUIMI_TIMEZONE).toBe('Asia/Shanghai');
    expect(c.GUIMI_DATA_DIR).toMatch(/\/data$/);
    expect(c.DATABASE_URL).toBeUndefined();
  });

  it('reads GUIMI_DEMO=0 and a PostgreSQL URL', () => {
    const c = loadConfig({ GUIMI_DEMO: '0', DATABASE_URL: 'postgresql://u@h:5432/db' });
    expect(c.GUIMI_DEMO).toBe(false);
    expect(c.DATABASE_URL).toBe('postgresql://u@h:5432/db');
  });

  it('names every bad variable, hiding passwords', () => {
    let err: unknown;
    try {
      loadConfig({
        PORT: '99999',
        DATABASE_URL: 'mysql://x',
        GUIMI_DEMO: 'maybe',
        GUIMI_ADMIN_PASSWORD: 'short',
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    const message = (err as AppError).message;
    expect((err as AppError).code).toBe('CONFIG');
    for (const name of [
      'PORT="99999"',
      'DATABASE_URL="mysql://x"',
      'GUIMI_DEMO="maybe"',
      'GUIMI_ADMIN_PASSWORD="(hidden)"',
    ]) {
      expect(message).toContain(name);
    }
    expect(message).not.toContain('short');
  });
});
