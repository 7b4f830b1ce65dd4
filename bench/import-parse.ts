// Parses 1,000,000 generated contact CSV rows from a temp file: the raw CSV reader, then the full
// validated contact reader (phones, genders, tags, duplicate ids). Prints rows/s and peak RSS.
// `npm run bench -- import-parse [rows]`
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCsvBatches } from '../src/audience/import/csv-records.js';
import { readContactImport } from '../src/audience/import/read-contact-import.js';
import { emit, rng, rssMb } from './lib.js';

const NAMES = ['王芳', '李娜', 'Zhang Wei', '刘洋', '陈静', 'Anna 🌸', '杨敏', '赵丽'];
const CITIES = ['上海', '北京', '"Shenzhen, Nanshan"', '杭州', '成都', '"广州 ""天河"""'];
const TAGS = ['护肤', '母婴', '美妆', '健身', '咖啡', '铁粉', 'vip', '新客', '复购', '直播'];
const PHONES = (n: number): string => {
  const local = `139${String(n).padStart(8, '0')}`;
  return n % 3 === 0 ? `+86 ${local.slice(0, 3)} ${local.slice(3, 7)} ${local.slice(7)}` : local;
};

async function writeFile(path: string, rows: number): Promise<void> {
  const random = rng(42);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  const out = createWriteStream(path);
  out.write('\uFEFFexternal_id,name,phone,gender,city,birth_year,source,tags,vip_level\r\n');
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const tags = [pick(TAGS), pick(TAGS), pick(TAGS), pick(TAGS)].join(';');
    const gender = pick(['男', '女', 'female', 'm', '']);
    chunk += `oQ7Xk5${String(i).padStart(22, '0')},${pick(NAMES)},${PHONES(i)},${gender},${pick(CITIES)},${1960 + (i % 50)},channel_${i % 7},${tags},${i % 5}\r\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

async function measure(name: string, rows: number, run: (tick: () => void) => Promise<void>): Promise<void> {
  let peak = rssMb();
  let n = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  await run(() => {
    if (++n % 10_000 === 0) peak = Math.max(peak, rssMb());
  });
  const seconds = (performance.now() - started) / 1000;
  const { user, system } = process.cpuUsage(cpu);
  if (n !== rows) throw new Error(`${name}: expected ${rows} rows, read ${n}`);
  emit('import-parse', `${name}_seconds`, seconds, 's');
  // CPU time too: on a shared machine it varies less than the wall clock.
  emit('import-parse', `${name}_cpu_seconds`, (user + system) / 1e6, 's');
  emit('import-parse', `${name}_rows_per_s`, rows / seconds, 'rows/s');
  emit('import-parse', `${name}_peak_rss`, Math.max(peak, rssMb()), 'MB');
}

export default async function importParse(args: string[]): Promise<void> {
  const rows = Number(args[0] ?? 1_000_000);
  const dir = await mkdtemp(join(tmpdir(), 'guimi-bench-import-'));
  const file = join(dir, 'contacts.csv');
  try {
    await writeFile(file, rows);
    emit('import-parse', 'file_size', (await stat(file)).size / (1 << 20), 'MB');
    await measure('csv_records', rows, async (tick) => {
      for await (const batch of readCsvBatches(file)) for (const _ of batch) tick();
    });
    let errors = 0;
    await measure('contact_rows', rows, async (tick) => {
      for await (const item of readContactImport(file)) {
        if (item.reason !== undefined) errors++;
        tick();
      }
    });
    if (errors > 0) throw new Error(`${errors} generated rows were rejected`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
