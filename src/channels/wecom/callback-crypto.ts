// WeCom's callback scheme (加解密方案): msg_signature = SHA1 of the sorted token, timestamp, nonce and
// ciphertext; the ciphertext is AES-256-CBC under the EncodingAESKey and carries the corp id it was
// meant for. Pure functions: a forged or malformed callback is refused before anything is stored.
import { timingSafeEqual } from 'node:crypto';
import { decrypt, getSignature } from '@wecom/crypto';

export interface CallbackQuery {
  msg_signature?: string | undefined;
  timestamp?: string | undefined;
  nonce?: string | undefined;
  echostr?: string | undefined;
}

export type Opened =
  | { ok: true; message: string; nonce: string; timestampMs: number }
  | { ok: false; status: 400 | 401; reason: string };

/** Callbacks older (or further ahead) than this are replays or broken clocks. */
export const MAX_SKEW_MS = 5 * 60_000;

export function openCallback(
  keys: { token: string; aesKey: string; corpId: string },
  q: CallbackQuery,
  encrypted: string,
  nowMs: number,
): Opened {
  const { msg_signature: sig, timestamp, nonce } = q;
  if (!sig || !timestamp || !nonce || !encrypted)
    return bad(400, 'missing msg_signature, timestamp, nonce or body');
  if (!/^[0-9a-f]{40}$/i.test(sig) || !/^\d{1,12}$/.test(timestamp) || !/^[\w-]{1,64}$/.test(nonce))
    return bad(400, 'malformed msg_signature, timestamp or nonce');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encrypted) || encrypted.length % 4 !== 0 || encrypted.length > 1_000_000)
    return bad(400, 'the ciphertext is not base64');
  const expected = Buffer.from(getSignature(keys.token, timestamp, nonce, encrypted), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(sig.toLowerCase(), 'hex'))) return bad(401, 'bad msg_signature');
  const timestampMs = Number(timestamp) * 1000;
  if (Math.abs(nowMs - timestampMs) > MAX_SKEW_MS) return bad(401, 'timestamp outside the 5-minute window');
  let opened: ReturnType<typeof decrypt>;
  try {
    const raw = Buffer.from(encrypted, 'base64');
    if (raw.length === 0 || raw.length % 16 !== 0)
      return bad(400, 'ciphertext length is not a block multiple');
    opened = decrypt(keys.aesKey, encrypted);
  } catch {
    return bad(400, 'the ciphertext does not decrypt');
  }
  if (opened.id !== keys.corpId) return bad(401, 'the message is not for this corp');
  return { ok: true, message: opened.message, nonce, timestampMs };
}

function bad(status: 400 | 401, reason: string): Opened {
  return { ok: false, status, reason };
}

/**
 * WeCom's flat XML (`<xml><Tag><![CDATA[v]]></Tag><N>1</N></xml>`) → fields; null when it is anything
 * else (truncated, nested, trailing garbage).
 */
export function parseFlatXml(xml: string): Record<string, string> | null {
  const m = /^\s*<xml>([\s\S]*)<\/xml>\s*$/.exec(xml);
  if (!m) return null;
  const fields: Record<string, string> = {};
  const child = /\s*<(\w{1,64})>(?:<!\[CDATA\[([\s\S]*?)\]\]>|([^<]*))<\/\1>\s*/y;
  const body = m[1]!;
  let at = 0;
  while (at < body.length) {
    child.lastIndex = at;
    const c = child.exec(body);
    if (!c) return /^\s*$/.test(body.slice(at)) ? fields : null;
    fields[c[1]!] = c[2] ?? unescapeXml(c[3]!);
    at = child.lastIndex;
  }
  return fields;
}

function unescapeXml(s: string): string {
  return s.replace(
    /&(lt|gt|amp|quot|apos);/g,
    (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e]!,
  );
}

export function escapeCdata(s: string): string {
  return s.replace(/\]\]>/g, ']]]]><![CDATA[>');
}
