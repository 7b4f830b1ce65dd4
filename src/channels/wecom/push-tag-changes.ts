// The push of recorded Guimi tag changes to WeCom (record-tag-changes.ts), run by the `wecom.tags` job:
// claims due rows with a lease (a crashed run's rows come back when it passes), applies each connection's
// tag catalog changes in batches and then each customer's tag marks, and deletes the rows WeCom has.
// Failures (45009 bursts the client could not wait out, 5xx, timeouts) are retried with backoff; after
// MAX_ATTEMPTS a row is 'dead' with its error kept. Every step is idempotent (see push-corp-tags.ts and
// push-contact-tags.ts), so running a change twice changes nothing more in WeCom.
import { sql } from 'kysely';
import { backoffDelay } from '../../platform/jobs/job.js';
import { pushContactTags } from './push-contact-tags.js';
import { pushCorpTags } from './push-corp-tags.js';
import { loadConnection, type WecomConnection, type WecomEnv } from './wecom-connection.js';
import type { TagChangeRow } from './wecom-tables.js';

const MAX_ATTEMPTS = 8;
const LEASE_MS = 120_000;
// A mark waits this long for the push of its tag (still pending) before it is looked at again.
const WAIT_FOR_TAG_MS = 5_000;

export interface TagPushReport {
  claimed: number;
  pushed: number;
  retrying: number;
  dead: number;
}

type Row = TagChangeRow;

export async function pushWecomTagChanges(
  env: WecomEnv,
  opts: { limit?: number; connectionId?: string } = {},
): Promise<TagPushReport> {
  const { db } = env.store;
  const at = env.clock.now().toISOString();
  const lease = new Date(env.clock.now().getTime() + LEASE_MS).toISOString();
  const lock = env.store.dialect === 'postgres' ? sql`for update skip locked` : sql``;
  const only = opts.connectionId ? sql`and connection_id = ${opts.connectionId}` : sql``;
  const claimed = await sql<Row>`update wecom_tag_changes set due_at = ${lease}, attempts = attempts + 1
    where seq in (select seq from wecom_tag_changes where state = 'pending' and due_at <= ${at} ${only}
      order by seq limit ${opts.limit ?? 500} ${lock})
    returning *`.execute(db);
  const report: TagPushReport = { claimed: claimed.rows.length, pushed: 0, retrying: 0, dead: 0 };
  const byConnection = groupBy(claimed.rows, (r) => r.connection_id);
  for (const [connectionId, rows] of byConnection) {
    // One corp's failure (credentials revoked, WeCom down for it) stops no other.
    let conn: WecomConnection;
    try {
      conn = await loadConnection(env, connectionId);
    } catch (e) {
      await failed(env, rows, e, report);
      continue;
    }
    const catalog = rows.filter((r) => r.op !== 'mark');
    try {
      await pushCorpTags(env, conn, catalog);
      await done(env, catalog, report);
    } catch (e) {
      await failed(env, catalog, e, report);
    }
    const marks = rows.filter((r) => r.op === 'mark');
    const waiting = await tagsStillPending(env, connectionId, marks);
    await wait(
      env,
      marks.filter((r) => waiting.has(r.tag_id)),
    );
    const ready = marks.filter((r) => !waiting.has(r.tag_id));
    for (const [contactId, changes] of groupBy(ready, (r) => Number(r.contact_id))) {
      try {
        await pushContactTags(env, conn, contactId, changes);
        await done(env, changes, report);
      } catch (e) {
        await failed(env, changes, e, report);
      }
    }
  }
  return report;
}

// Map.groupBy is not in Node 20.
function groupBy<K, T>(items: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const t of items) m.set(key(t), [...(m.get(key(t)) ?? []), t]);
  return m;
}

/** Tags of these marks whose own create or rename has not reached WeCom yet. */
async function tagsStillPending(env: WecomEnv, connectionId: string, marks: Row[]): Promise<Set<string>> {
  if (marks.length === 0) return new Set();
  const rows = await env.store.db
    .selectFrom('wecom_tag_changes')
    .select('tag_id')
    .where('connection_id', '=', connectionId)
    .where('state', '=', 'pending')
    .where('op', 'in', ['create', 'rename'])
    .where('tag_id', 'in', [...new Set(marks.map((m) => m.tag_id))])
    .execute();
  return new Set(rows.map((r) => r.tag_id));
}

async function done(env: WecomEnv, rows: Row[], report: TagPushReport): Promise<void> {
  if (rows.length === 0) return;
  await env.store.db
    .deleteFrom('wecom_tag_changes')
    .where(
      'seq',
      'in',
      rows.map((r) => r.seq),
    )
    .execute();
  report.pushed += rows.length;
}

/** Puts rows back without counting the attempt: they wait for their tag. */
async function wait(env: WecomEnv, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  await env.store.db
    .updateTable('wecom_tag_changes')
    .set((eb) => ({
      attempts: eb('attempts', '-', 1),
      due_at: new Date(env.clock.now().getTime() + WAIT_FOR_TAG_MS).toISOString(),
    }))
    .where(
      'seq',
      'in',
      rows.map((r) => r.seq),
    )
    .execute();
}

async function failed(env: WecomEnv, rows: Row[], e: unknown, report: TagPushReport): Promise<void> {
  if (rows.length === 0) return;
  const error = (e instanceof Error ? e.message : String(e)).slice(0, 1000);
  env.logger.warn({ connection: rows[0]!.connection_id, error }, 'pushing tag changes to WeCom failed');
  for (const r of rows) {
    const dead = r.attempts >= MAX_ATTEMPTS;
    const due = new Date(env.clock.now().getTime() + backoffDelay(r.attempts, 2_000, 600_000));
    await env.store.db
      .updateTable('wecom_tag_changes')
      .set({ state: dead ? 'dead' : 'pending', due_at: due.toISOString(), last_error: error })
      .where('seq', '=', r.seq)
      .execute();
    if (dead) report.dead++;
    else report.retrying++;
  }
}
