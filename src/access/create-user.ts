import type { Kysely } from 'kysely';
import { z } from 'zod';
import { hashPassword } from '../platform/auth/passwords.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import type { Database } from '../platform/store/database.js';
import { findUserByEmail, normalizeEmail } from './users.js';

export const NewUserInput = z.strictObject({
  email: z.email(),
  name: z.string().trim().min(1).max(100).optional(),
  password: z.string().min(8, 'password must be at least 8 characters').max(200),
});
export type NewUserInput = z.infer<typeof NewUserInput>;

export interface User {
  id: string;
  email: string;
  name: string;
}

export async function createUser(db: Kysely<Database>, input: NewUserInput, now: Date): Promise<User> {
  const { email, password, name } = NewUserInput.parse(input);
  if (await findUserByEmail(db, email)) {
    throw new AppError('CONFLICT', `a user with email ${normalizeEmail(email)} already exists`, {
      field: 'email',
    });
  }
  const user = { id: newId('usr', now), email: normalizeEmail(email), name: name ?? email.split('@')[0]! };
  await db
    .insertInto('users')
    .values({ ...user, password_hash: await hashPassword(password), created_at: now.toISOString() })
    .execute();
  return user;
}
