// Secrets at rest (channel credentials, access tokens): AES-256-GCM under one key. The key comes from
// GUIMI_SECRET_KEY, else from `secret.key` in the data dir (created 0600 on first use, with a warning:
// whoever can read the data dir can then read the secrets, so production should pass the key apart).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config.js';
import { AppError } from './errors.js';
import type { Logger } from './log.js';

export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
}

const VERSION = 'v1';
const boxes = new Map<string, SecretBox>();

export function parseSecretKey(text: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length !== 32)
    throw new AppError('CONFIG', 'GUIMI_SECRET_KEY must be 32 bytes: 64 hex characters or base64');
  return key;
}

function loadKey(config: Pick<Config, 'GUIMI_SECRET_KEY' | 'GUIMI_DATA_DIR'>, logger?: Logger): Buffer {
  if (config.GUIMI_SECRET_KEY) return parseSecretKey(config.GUIMI_SECRET_KEY);
  const file = join(config.GUIMI_DATA_DIR, 'secret.key');
  if (existsSync(file)) return parseSecretKey(readFileSync(file, 'utf8'));
  mkdirSync(config.GUIMI_DATA_DIR, { recursive: true });
  // 'wx' fails when another process created it meanwhile: then read theirs.
  try {
    writeFileSync(file, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
    logger?.warn(
      { file },
      'GUIMI_SECRET_KEY is not set: generated a key in the data dir; set GUIMI_SECRET_KEY in production',
    );
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  return parseSecretKey(readFileSync(file, 'utf8'));
}

/** The process's secret box for this configuration (one key per data dir / key). */
export function secretBox(
  config: Pick<Config, 'GUIMI_SECRET_KEY' | 'GUIMI_DATA_DIR'>,
  logger?: Logger,
): SecretBox {
  const id = config.GUIMI_SECRET_KEY ? `key:${config.GUIMI_SECRET_KEY}` : `dir:${config.GUIMI_DATA_DIR}`;
  let box = boxes.get(id);
  if (!box) boxes.set(id, (box = boxWithKey(loadKey(config, logger))));
  return box;
}

export function boxWithKey(key: Buffer): SecretBox {
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [VERSION, iv, cipher.getAuthTag(), body]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.');
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== VERSION || !iv || !tag || body === undefined)
        throw new AppError('CONFIG', 'a stored secret is not in the expected format');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
          'utf8',
        );
      } catch {
        throw new AppError(
          'CONFIG',
          'a stored secret cannot be decrypted: is GUIMI_SECRET_KEY the one it was sealed with?',
        );
      }
    },
  };
}
