// Serves the built console (dist/console) with a single-page-app fallback to index.html.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { GuimiApp } from './context.js';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export function serveConsole(app: GuimiApp, consoleDir: string): void {
  app.get('*', async (c, next) => {
    const path = c.req.path;
    if (path.startsWith('/api/') || path === '/openapi.json' || path === '/healthz') return next();
    const file = normalize(join(consoleDir, decodeURIComponent(path)));
    if (!file.startsWith(consoleDir + sep) && file !== consoleDir) return next();
    const isAsset = path.startsWith('/assets/');
    const target = (await isFile(file)) ? file : isAsset ? null : join(consoleDir, 'index.html');
    if (!target || !(await isFile(target))) {
      return c.text('The console is not built: run "npm run build:console".', 404);
    }
    const body = await readFile(target);
    c.header('content-type', types[extname(target)] ?? 'application/octet-stream');
    // Hashed asset names never change; index.html must always be fresh.
    c.header('cache-control', isAsset ? 'public, max-age=31536000, immutable' : 'no-cache');
    return c.body(body);
  });
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
