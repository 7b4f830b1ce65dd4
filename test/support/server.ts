// A real Guimi server on a free port, with a fresh SQLite store, for browser tests.
import { rmSync } from 'node:fs';
import { loadConfig } from '../../src/platform/config.js';
import { startGuimi } from '../../src/server.js';
import { tempDir } from './stores.js';

export async function startTestServer(
  opts: { demo?: boolean; adminEmail?: string; adminPassword?: string } = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const dir = tempDir('guimi-server-');
  const config = loadConfig({
    GUIMI_DATA_DIR: dir,
    PORT: '0',
    HOST: '127.0.0.1',
    GUIMI_DEMO: opts.demo === false ? '0' : '1',
    GUIMI_ADMIN_EMAIL: opts.adminEmail ?? 'admin@guimi.test',
    GUIMI_ADMIN_PASSWORD: opts.adminPassword ?? 'admin-password-1',
    GUIMI_LOG_LEVEL: 'warn',
  });
  const running = await startGuimi({ config, announce: () => undefined });
  return {
    url: running.url,
    close: async () => {
      await running.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
