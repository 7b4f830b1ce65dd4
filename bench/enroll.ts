// Enrolling a big segment in a flow: a SQLite store with N fans of one simulator account, all tagged
// `会员`; a date-triggered flow with audience `tag:会员` fires, enrolling every member (runs inserted in
// bulk) and planning its first step (one rendered touch each, through planTouches). Target: 1M ≤ 20 s.
//   npm run bench -- enroll [--contacts N]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { audienceIndexFor } from '../src/audience/index/audience-index.js';
import { ensureTags } from '../src/audience/tags/ensure-tags.js';
import { addContactTags } from '../src/audience/tags/write-contact-tags.js';
import { advanceFlows } from '../src/automation/flows/advance-flows.js';
import { saveFlow } from '../src/automation/flows/save-flow.js';
import { seedSimAudience } from '../src/channels/simulator/seed-sim-audience.js';
import { openStore } from '../src/platform/store/open-store.js';
import { createWorkspace } from '../src/workspaces/create-workspace.js';
import { emit, rssMb } from './lib.js';

const BENCH = 'enroll';
const SEEDED = new Date('2026-03-01T00:00:00Z');
const FIRE = new Date('2026-03-01T12:00:00Z'); // 20:00 Asia/Shanghai

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
}

export default async function enrollBench(args: string[]): Promise<void> {
  const contacts = Number(option(args, '--contacts') ?? 1_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'guimi-bench-enroll-'));
  const store = await openStore({ dataDir: dir });
  try {
    const ws = await createWorkspace(
      store.db,
      { slug: 'bench', name: 'Bench', timezone: 'Asia/Shanghai' },
      { actor: 'bench', ownerUserId: null, defaultTimezone: 'Asia/Shanghai', now: SEEDED },
    );
    const aud = await seedSimAudience(store, ws.id, {
      fans: contacts,
      accounts: [{ name: 'Robot' }],
      now: SEEDED,
    });
    const tag = (await ensureTags(store.db, ws.id, ['会员'], SEEDED)).get('会员')!;
    await store.db
      .transaction()
      .execute((trx) => addContactTags(trx, ws.id, aud.contactIds, [tag], 'bench', SEEDED));
    await audienceIndexFor(store).count(ws.id, 'tag:会员', { at: SEEDED }); // the index is built before the clock starts
    await saveFlow(
      store.db,
      ws.id,
      {
        name: '会员日',
        status: 'active',
        trigger: { type: 'date', at: '2026-03-01 20:00' },
        audience: 'tag:会员',
        steps: [
          { id: 'invite', type: 'send', text: '{{contact.name}}，会员日专属福利今晚开抢' },
          { id: 'remind', type: 'send', at: 'day 1 at 20:00', text: '明晚最后一天' },
        ],
      },
      { actor: 'bench', now: SEEDED },
    );

    // The clock starts on a settled store: seeding's write-ahead log copied back (as an idle server's
    // checkpointer would have done), so the enrolment does not pay for the fixture's writes.
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(store.db);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = await advanceFlows(store, FIRE);
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(c0);
    const touches = await store.db
      .selectFrom('touches')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (r.enrolled !== contacts || Number(touches.n) !== contacts)
      throw new Error(`enrolled ${r.enrolled}, touches ${touches.n}, expected ${contacts}`);
    emit(BENCH, 'contacts', contacts, 'contacts');
    emit(BENCH, 'enroll_and_plan_first_step', seconds, 's');
    emit(BENCH, 'throughput', contacts / seconds, 'runs/s');
    emit(BENCH, 'cpu_seconds', (cpu.user + cpu.system) / 1e6, 's');
    emit(BENCH, 'rss', rssMb(), 'MB');
  } finally {
    await audienceIndexFor(store).close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
