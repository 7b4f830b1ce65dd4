// Processes stored callbacks: claims due inbox rows with a lease (a crashed worker's rows come back when
// it passes), handles each event, and retries failures with backoff (WeCom reads may fail for a while);
// after MAX_ATTEMPTS the row is 'dead' with its error kept. Every handler is idempotent (event ids and
// touch keys derive from the inbox id), so processing a row twice changes nothing more.
import { sql } from 'kysely';
import { backoffDelay } from '../../platform/jobs/job.js';
import { parseFlatXml } from './callback-crypto.js';
import { handleChatEvent } from './handle-chat-event.js';
import { handleContactEvent } from './handle-contact-event.js';
import { loadConnection, type WecomEnv } from './wecom-connection.js';
import { syncWecomTags } from './sync-wecom-tags.js';
import type { WecomInboxTable } from './wecom-tables.js';

const MAX_ATTEMPTS = 8;
const NONCE_TTL_MS = 10 * 60_000;

export interface InboxReport {
  claimed: number;
  done: number;
  retrying: number;
  dead: number;
}

export async function processWecomInbox(
  env: WecomEnv,
  opts: { limit?: number; leaseMs?: number } = {},
): Promise<InboxReport> {
  const { db } = env.store;
  const now = env.clock.now();
  const at = now.toISOString();
  const lease = new Date(now.getTime() + (opts.leaseMs ?? 120_000)).toISOString();
  const lock = env.store.dialect === 'postgres' ? sql`for update skip locked` : sql``;
  const claimed =
    await sql<WecomInboxTable>`update wecom_inbox set locked_until = ${lease}, attempts = attempts + 1
    where id in (select id from wecom_inbox where state = 'pending' and due_at <= ${at}
      and (locked_until is null or locked_until < ${at}) order by received_at limit ${opts.limit ?? 50} ${lock})
    returning *`.execute(db);
  const report: InboxReport = { claimed: claimed.rows.length, done: 0, retrying: 0, dead: 0 };
  // In arrival order: an edit must not overtake the add it follows.
  for (const row of claimed.rows.sort(
    (a, b) => a.received_at.localeCompare(b.received_at) || a.id.localeCompare(b.id),
  )) {
    try {
      await handle(env, row);
      await db
        .updateTable('wecom_inbox')
        .set({
          state: 'done',
          locked_until: null,
          last_error: null,
          processed_at: env.clock.now().toISOString(),
        })
        .where('id', '=', row.id)
        .execute();
      report.done++;
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      env.logger.warn({ inbox: row.id, attempts: row.attempts, error }, 'WeCom callback processing failed');
      const dead = row.attempts >= MAX_ATTEMPTS;
      const due = new Date(
        env.clock.now().getTime() + backoffDelay(row.attempts, 2_000, 600_000),
      ).toISOString();
      await db
        .updateTable('wecom_inbox')
        .set({
          state: dead ? 'dead' : 'pending',
          due_at: due,
          locked_until: null,
          last_error: error.slice(0, 1000),
        })
        .where('id', '=', row.id)
        .execute();
      if (dead) report.dead++;
      else report.retrying++;
    }
  }
  await db
    .deleteFrom('wecom_nonces')
    .where('seen_at', '<', now.getTime() - NONCE_TTL_MS)
    .execute();
  return report;
}

async function handle(env: WecomEnv, row: WecomInboxTable): Promise<void> {
  const e = parseFlatXml(row.payload);
  if (!e) throw new Error('stored payload is not XML');
  const conn = await loadConnection(env, row.connection_id);
  const received = new Date(row.received_at);
  if (e.Event === 'change_external_contact') await handleContactEvent(env, conn, row.id, e, received);
  else if (e.Event === 'change_external_chat') await handleChatEvent(env, conn, row.id, e);
  // A corp tag or tag group was created, renamed, deleted or reordered: re-read the corp's tag list.
  else if (e.Event === 'change_external_tag') await syncWecomTags(env, conn);
}
