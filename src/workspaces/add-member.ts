import { z } from 'zod';
import { createUser } from '../access/create-user.js';
import { findUserByEmail } from '../access/users.js';
import { recordAudit } from '../platform/audit.js';
import { roles } from '../platform/auth/roles.js';
import { AppError } from '../platform/errors.js';
import type { Db } from '../platform/store/database.js';
import { getMember, type Member } from './members.js';

export const AddMemberInput = z.strictObject({
  email: z.email(),
  role: z.enum(roles),
  name: z.string().trim().min(1).max(100).optional(),
  password: z.string().min(8, 'password must be at least 8 characters').max(200).optional(),
});
export type AddMemberInput = z.infer<typeof AddMemberInput>;

/** Adds a user (created when the email is new, which then needs a password) to a workspace. */
export async function addMember(
  db: Db,
  workspaceId: string,
  input: AddMemberInput,
  opts: { actor: string; now: Date },
): Promise<Member> {
  const data = AddMemberInput.parse(input);
  return db.transaction().execute(async (trx) => {
    let user = await findUserByEmail(trx, data.email);
    if (!user) {
      if (!data.password) {
        throw new AppError('VALIDATION', `no user has email ${data.email}: give a password to create one`, {
          field: 'password',
        });
      }
      await createUser(trx, { email: data.email, name: data.name, password: data.password }, opts.now);
      user = (await findUserByEmail(trx, data.email))!;
    }
    const existing = await trx
      .selectFrom('memberships')
      .select('role')
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', user.id)
      .executeTakeFirst();
    if (existing)
      throw new AppError('CONFLICT', `${user.email} is already a member (${existing.role})`, {
        field: 'email',
      });
    await trx
      .insertInto('memberships')
      .values({
        workspace_id: workspaceId,
        user_id: user.id,
        role: data.role,
        koc_id: null,
        created_at: opts.now.toISOString(),
      })
      .execute();
    await recordAudit(trx, {
      workspaceId,
      actor: opts.actor,
      action: 'member.add',
      target: `user:${user.id}`,
      details: { email: user.email, role: data.role },
      at: opts.now,
    });
    return getMember(trx, workspaceId, user.id);
  });
}
