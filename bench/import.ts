// Imports a generated 1,000,000-row contact CSV (4 tags each) through the import use-case into a fresh
// SQLite store and, when reachable, a fresh PostgreSQL database (created and dropped here). Prints
// seconds, rows/s and peak RSS for each. `npm run bench -- import [rows] [sqlite|postgres]`
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { importContacts } from '../src/audience/import-contacts.js';
import { openStore, type Store } from '../src/platform/store/open-store.js';
import { createWorkspace } from '../src/workspaces/create-workspace.js';
import { emit, rng, rssMb } from './lib.js';

const NAMES = ['王芳', '李娜', 'Zhang Wei', '刘洋', '陈静', 'Anna 🌸', '杨敏', '赵丽'];
const CITIES = ['上海', '北京', '"Shenzhen, Nanshan"', '杭州', '成都', '广州'];
const TAGS = ['护肤', '母婴', '彩妆', '健身', '咖啡', '铁粉', 'vip', '新客', '复购', '直播', '干皮', '油皮'];

async function writeCsv(path: string, rows: number): Promise<void> {
  const random = rng(7);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  const out = createWriteStream(path);
  out.write('\uFEFFexternal_id,name,phone,gender,city,birth_year,source,tags,vip_level\r\n');
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    // Four distinct tags from a rotating window.
    const t = Math.floor(random() * TAGS.length);
    const tags = [0, 1, 2, 3].map((k) => TAGS[(t + k * 3) % TAGS.length]).join(';');
    const phone = `139${String(i).padStart(8, '0')}`;
    chunk += `wx_${String(i).padStart(10, '0')},${pick(NAMES)},${phone},${pick(['女', '男', 'female'])},${pick(CITIES)},${1975 + (i % 30)},channel_${i % 7},${tags},${i % 5}\r\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

async function measure(kind: string, store: Store, file: string, rows: number): Promise<void> {
  const now = new Date();
  const ws = await createWorkspace(
    store.db,
    { slug: 'bench', name: 'Bench' },
    { actor: 'bench', defaultTimezone: 'Asia/Shanghai', now },
  );
  let peak = rssMb();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const r = await importContacts(store.db, ws.id, file, {
    now,
    actor: 'bench',
    onProgress: () => void (peak = Math.max(peak, rssMb())),
  });
  const seconds = (performance.now() - started) / 1000;
  const { user, system } = process.cpuUsage(cpu);
  if (r.imported !== rows || r.failed !== 0) throw new Error(`${kind}: ${JSON.stringify(r).slice(0, 500)}`);
  emit('import', `${kind}_seconds`, seconds, 's');
  // This process's CPU time too (on SQLite that includes the store): it varies less on a busy machine.
  emit('import', `${kind}_cpu_seconds`, (user + system) / 1e6, 's');
  emit('import', `${kind}_rows_per_s`, rows / seconds, 'rows/s');
  emit('import', `${kind}_peak_rss`, Math.max(peak, rssMb()), 'MB');
  const again = performance.now();
  const re = await importContacts(store.db, ws.id, file, { now, actor: 'bench' });
  if (re.unchanged !== rows) throw new Error(`${kind} re-import: ${JSON.stringify(re).slice(0, 500)}`);
  emit('import', `${kind}_reimport_seconds`, (performance.now() - again) / 1000, 's');
}

async function withPostgres(run: (url: string) => Promise<void>): Promise<void> {
  const adminUrl = process.env.GUIMI_TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (e) {
    process.stderr.write(`import bench: PostgreSQL unreachable (${(e as Error).message}); skipped\n`);
    return;
  }
  const name = `guimi_bench_${Date.now()}`;
  await admin.query(`create database ${name}`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    await run(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

export default async function importBench(args: string[]): Promise<void> {
  const rows = Number(args[0] ?? 1_000_000);
  const only = args[1];
  const dir = await mkdtemp(join(tmpdir(), 'guimi-bench-import-'));
  const file = join(dir, 'contacts.csv');
  try {
    await writeCsv(file, rows);
    emit('import', 'file_size', (await stat(file)).size / (1 << 20), 'MB');
    if (only !== 'postgres') {
      const store = await openStore({ dataDir: join(dir, 'data') });
      try {
        await measure('sqlite', store, file, rows);
      } finally {
        await store.close();
      }
    }
    if (only !== 'sqlite') {
      await withPostgres(async (url) => {
        const store = await openStore({ dataDir: dir, databaseUrl: url });
        try {
          await measure('postgres', store, file, rows);
        } finally {
          await store.close();
        }
      });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
