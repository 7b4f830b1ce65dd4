#!/usr/bin/env node
// Runs the compiled CLI (npm install builds it; `npm run build` refreshes it).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/server/cli/run.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('guimi: not built yet; run "npm run build" in the package folder\n');
  process.exit(1);
}
await import(entry.href);
