// The callback endpoint's use-cases. A POST is verified, decrypted and parsed, then stored in the inbox
// together with its nonce in ONE transaction (a nonce seen before = a replay, refused); the answer goes
// out only after that commit, and a job processes the inbox, so a crash after answering loses nothing.
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { openCallback, parseFlatXml, type CallbackQuery } from './callback-crypto.js';
import { boxOf, toConnection, type WecomConnection, type WecomEnv } from './wecom-connection.js';

async function connectionAt(env: WecomEnv, path: string): Promise<WecomConnection> {
  const row = await env.store.db
    .selectFrom('wecom_connections')
    .selectAll()
    .where('callback_path', '=', path)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'no WeCom callback here');
  return toConnection(boxOf(env), row);
}

function refuse(status: 400 | 401, reason: string): never {
  throw new AppError(status === 400 ? 'BAD_REQUEST' : 'UNAUTHENTICATED', `WeCom callback refused: ${reason}`);
}

/** Inserts the nonce; false when it was seen before (a replay). */
async function claimNonce(trx: WecomEnv['store']['db'], connectionId: string, nonce: string, nowMs: number) {
  const r = await trx
    .insertInto('wecom_nonces')
    .values({ connection_id: connectionId, nonce, seen_at: nowMs })
    .onConflict((oc) => oc.columns(['connection_id', 'nonce']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** GET URL verification: answers the decrypted echostr. */
export async function verifyWecomUrl(env: WecomEnv, path: string, q: CallbackQuery): Promise<string> {
  const conn = await connectionAt(env, path);
  const nowMs = env.clock.now().getTime();
  const opened = openCallback(conn, q, q.echostr ?? '', nowMs);
  if (!opened.ok) refuse(opened.status, opened.reason);
  if (!(await claimNonce(env.store.db, conn.id, opened.nonce, nowMs))) refuse(401, 'nonce seen before');
  return opened.message;
}

/** POST event: stores the decrypted payload durably; returns the inbox id. */
export async function receiveWecomEvent(
  env: WecomEnv,
  path: string,
  q: CallbackQuery,
  body: string,
): Promise<string> {
  const conn = await connectionAt(env, path);
  const outer = parseFlatXml(body);
  if (!outer || !outer.Encrypt) refuse(400, 'the body is not WeCom callback XML');
  const nowMs = env.clock.now().getTime();
  const opened = openCallback(conn, q, outer.Encrypt, nowMs);
  if (!opened.ok) refuse(opened.status, opened.reason);
  const event = parseFlatXml(opened.message);
  if (!event || !event.MsgType) refuse(400, 'the decrypted message is not WeCom event XML');
  if (event.ToUserName !== undefined && event.ToUserName !== conn.corpId)
    refuse(401, 'the message is not for this corp');
  const now = env.clock.now();
  const id = newId('wci', now);
  await env.store.db.transaction().execute(async (trx) => {
    if (!(await claimNonce(trx, conn.id, opened.nonce, nowMs))) refuse(401, 'nonce seen before');
    await trx
      .insertInto('wecom_inbox')
      .values({
        id,
        connection_id: conn.id,
        payload: opened.message,
        state: 'pending',
        attempts: 0,
        due_at: now.toISOString(),
        locked_until: null,
        last_error: null,
        received_at: now.toISOString(),
        processed_at: null,
      })
      .execute();
  });
  return id;
}
