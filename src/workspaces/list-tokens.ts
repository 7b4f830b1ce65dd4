import type { Db } from '../platform/store/database.js';
import { toApiToken, type ApiToken } from './tokens.js';

export async function listTokens(db: Db, workspaceId: string): Promise<ApiToken[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toApiToken);
}
