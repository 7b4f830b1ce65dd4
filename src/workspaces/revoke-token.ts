import { recordAudit } from '../platform/audit.js';
import { AppError } from '../platform/errors.js';
import type { Db } from '../platform/store/database.js';

export async function revokeToken(
  db: Db,
  workspaceId: string,
  tokenId: string,
  opts: { actor: string; now: Date },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('api_tokens')
      .select(['id', 'revoked_at'])
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', tokenId)
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', `token ${tokenId} not found in this workspace`, { tokenId });
    if (row.revoked_at) return;
    await trx
      .updateTable('api_tokens')
      .set({ revoked_at: opts.now.toISOString() })
      .where('id', '=', tokenId)
      .execute();
    await recordAudit(trx, {
      workspaceId,
      actor: opts.actor,
      action: 'token.revoke',
      target: `token:${tokenId}`,
      at: opts.now,
    });
  });
}
