// First start: with no user yet, create the owner from GUIMI_ADMIN_EMAIL/GUIMI_ADMIN_PASSWORD, or
// generate a password that is printed once by the caller.
import { randomSecret } from '../platform/auth/secrets.js';
import type { Db } from '../platform/store/database.js';
import { createUser, type User } from './create-user.js';

export interface EnsuredOwner {
  user: User;
  /** Set only when this call created the owner with a generated password. */
  generatedPassword: string | null;
  created: boolean;
}

export async function ensureOwner(
  db: Db,
  admin: { email?: string | undefined; password?: string | undefined },
  now: Date,
): Promise<EnsuredOwner | null> {
  const existing = await db
    .selectFrom('users')
    .select(['id', 'email', 'name'])
    .orderBy('created_at')
    .executeTakeFirst();
  if (existing) return { user: existing, generatedPassword: null, created: false };
  const email = admin.email ?? 'admin@guimi.local';
  const generatedPassword = admin.password ? null : randomSecret(12);
  const user = await createUser(
    db,
    { email, name: 'Admin', password: admin.password ?? generatedPassword! },
    now,
  );
  return { user, generatedPassword, created: true };
}
