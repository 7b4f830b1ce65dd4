import { z } from 'zod';
import { recordAudit } from '../platform/audit.js';
import { TOKEN_PREFIX } from '../platform/auth/authenticate.js';
import { roles } from '../platform/auth/roles.js';
import { randomSecret, sha256 } from '../platform/auth/secrets.js';
import { newId } from '../platform/ids.js';
import type { Db } from '../platform/store/database.js';
import { toApiToken, type ApiToken } from './tokens.js';

export const NewTokenInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  role: z.enum(roles),
});
export type NewTokenInput = z.infer<typeof NewTokenInput>;

/** Creates an API token; the secret is returned once and only its SHA-256 is stored. */
export async function createToken(
  db: Db,
  workspaceId: string,
  input: NewTokenInput,
  opts: { actor: string; createdBy: string | null; now: Date },
): Promise<{ token: ApiToken; secret: string }> {
  const data = NewTokenInput.parse(input);
  const secret = `${TOKEN_PREFIX}${randomSecret(32)}`;
  const row = {
    id: newId('tok', opts.now),
    workspace_id: workspaceId,
    name: data.name,
    role: data.role,
    prefix: secret.slice(0, 10),
    secret_hash: sha256(secret),
    created_by: opts.createdBy,
    created_at: opts.now.toISOString(),
    last_used_at: null,
    revoked_at: null,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('api_tokens').values(row).execute();
    await recordAudit(trx, {
      workspaceId,
      actor: opts.actor,
      action: 'token.create',
      target: `token:${row.id}`,
      details: { name: row.name, role: row.role },
      at: opts.now,
    });
  });
  return { token: toApiToken(row), secret };
}
