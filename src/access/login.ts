// Password login: verifies argon2id, rate-limits guesses per client and per email, opens a session.
import type { RateLimiter } from '../platform/auth/rate-limit.js';
import { hashPassword, verifyPassword } from '../platform/auth/passwords.js';
import { randomSecret, sha256 } from '../platform/auth/secrets.js';
import { recordAudit } from '../platform/audit.js';
import { AppError } from '../platform/errors.js';
import type { Db } from '../platform/store/database.js';
import { findUserByEmail, normalizeEmail } from './users.js';

export const SESSION_TTL_MS = 14 * 24 * 3600 * 1000;
// Verifying against a real hash when the user is unknown keeps response times alike.
let dummyHash: Promise<string> | undefined;

export interface LoginResult {
  user: { id: string; email: string; name: string };
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function login(
  db: Db,
  limiter: RateLimiter,
  input: { email: string; password: string; client: string },
  now: Date,
): Promise<LoginResult> {
  const keys = [`ip:${input.client}`, `email:${normalizeEmail(input.email)}`];
  limiter.check(keys, now.getTime());
  const user = await findUserByEmail(db, input.email);
  const ok = await verifyPassword(
    user?.password_hash ?? (await (dummyHash ??= hashPassword(randomSecret()))),
    input.password,
  );
  if (!user || !ok) {
    limiter.record(keys, now.getTime());
    throw new AppError('BAD_CREDENTIALS', 'wrong email or password');
  }
  limiter.reset([keys[1]!]);
  const sessionId = randomSecret();
  const csrfToken = randomSecret(24);
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('sessions')
      .values({
        id_hash: sha256(sessionId),
        user_id: user.id,
        csrf_token: csrfToken,
        created_at: now.toISOString(),
        expires_at: expiresAt.toISOString(),
      })
      .execute();
    // Expired sessions are swept on login so the table stays small without a cron.
    await trx.deleteFrom('sessions').where('expires_at', '<', now.toISOString()).execute();
    await recordAudit(trx, { workspaceId: null, actor: `user:${user.id}`, action: 'auth.login', at: now });
  });
  return { user: { id: user.id, email: user.email, name: user.name }, sessionId, csrfToken, expiresAt };
}
