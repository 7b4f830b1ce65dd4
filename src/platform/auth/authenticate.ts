// Resolves a session id or an API token secret into a principal.
import type { Db } from '../store/database.js';
import type { Principal } from './principal.js';
import { isRole } from './roles.js';
import { sha256 } from './secrets.js';

export const TOKEN_PREFIX = 'gm_';

export async function principalFromSession(db: Db, sessionId: string, now: Date): Promise<Principal | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id_hash',
      'sessions.csrf_token',
      'sessions.expires_at',
      'users.id',
      'users.email',
      'users.name',
    ])
    .where('sessions.id_hash', '=', sha256(sessionId))
    .executeTakeFirst();
  if (!row || row.expires_at <= now.toISOString()) return null;
  return {
    kind: 'user',
    userId: row.id,
    email: row.email,
    name: row.name,
    sessionHash: row.id_hash,
    csrfToken: row.csrf_token,
  };
}

export async function principalFromToken(db: Db, secret: string, now: Date): Promise<Principal | null> {
  if (!secret.startsWith(TOKEN_PREFIX)) return null;
  const row = await db
    .selectFrom('api_tokens')
    .select(['id', 'workspace_id', 'role', 'name', 'revoked_at', 'last_used_at'])
    .where('secret_hash', '=', sha256(secret))
    .executeTakeFirst();
  if (!row || row.revoked_at || !isRole(row.role)) return null;
  // Recording use at minute granularity keeps a busy script from writing on every call.
  const nowIso = now.toISOString();
  if (!row.last_used_at || row.last_used_at.slice(0, 16) !== nowIso.slice(0, 16)) {
    await db.updateTable('api_tokens').set({ last_used_at: nowIso }).where('id', '=', row.id).execute();
  }
  return { kind: 'token', tokenId: row.id, workspaceId: row.workspace_id, role: row.role, name: row.name };
}
