import { z } from 'zod';
import { recordAudit } from '../platform/audit.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import type { Db } from '../platform/store/database.js';
import { toWorkspace, type Workspace } from './workspace.js';

export const NewWorkspaceInput = z.strictObject({
  slug: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9-]{1,39}$/,
      'slug: 2–40 lowercase letters, digits or dashes, starting with a letter or digit',
    ),
  name: z.string().trim().min(1).max(100),
  timezone: z
    .string()
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'timezone must be an IANA time zone such as Asia/Shanghai')
    .optional(),
});
export type NewWorkspaceInput = z.infer<typeof NewWorkspaceInput>;

/** Creates a workspace; `ownerUserId`, when given, becomes its owner. */
export async function createWorkspace(
  db: Db,
  input: NewWorkspaceInput,
  opts: { actor: string; ownerUserId?: string | null; defaultTimezone: string; now: Date },
): Promise<Workspace> {
  const data = NewWorkspaceInput.parse(input);
  return db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom('workspaces')
      .select('id')
      .where('slug', '=', data.slug)
      .executeTakeFirst();
    if (taken) throw new AppError('CONFLICT', `workspace slug "${data.slug}" is taken`, { field: 'slug' });
    const row = {
      id: newId('ws', opts.now),
      slug: data.slug,
      name: data.name,
      timezone: data.timezone ?? opts.defaultTimezone,
      created_at: opts.now.toISOString(),
    };
    await trx.insertInto('workspaces').values(row).execute();
    if (opts.ownerUserId) {
      await trx
        .insertInto('memberships')
        .values({
          workspace_id: row.id,
          user_id: opts.ownerUserId,
          role: 'owner',
          koc_id: null,
          created_at: row.created_at,
        })
        .execute();
    }
    await recordAudit(trx, {
      workspaceId: row.id,
      actor: opts.actor,
      action: 'workspace.create',
      target: `workspace:${row.slug}`,
      details: { name: row.name, timezone: row.timezone },
      at: opts.now,
    });
    return toWorkspace(row);
  });
}
