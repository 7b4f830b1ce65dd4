// Each workspace's sensitive words as one Aho–Corasick matcher, cached per process. Writers here call
// forgetSensitiveMatcher; other processes notice a change through the list's count and newest update.
import { sql } from 'kysely';
import type { Db } from '../../platform/store/database.js';
import '../content-tables.js';
import { AhoCorasick } from './aho-corasick.js';

export type SensitiveLevel = 'block' | 'warn';
export const SENSITIVE_LEVELS = ['block', 'warn'] as const;

const cache = new Map<string, { version: string; matcher: AhoCorasick<SensitiveLevel> }>();

export function forgetSensitiveMatcher(workspaceId: string): void {
  cache.delete(workspaceId);
}

export async function sensitiveMatcher(db: Db, workspaceId: string): Promise<AhoCorasick<SensitiveLevel>> {
  const v = await db
    .selectFrom('sensitive_words')
    .select([sql<number>`count(*)`.as('n'), sql<string | null>`max(updated_at)`.as('m')])
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  const version = `${Number(v.n)}:${v.m ?? ''}`;
  const hit = cache.get(workspaceId);
  if (hit && hit.version === version) return hit.matcher;
  const rows = await db
    .selectFrom('sensitive_words')
    .select(['word', 'level'])
    .where('workspace_id', '=', workspaceId)
    .execute();
  const matcher = new AhoCorasick(
    rows.map((r) => [r.word, r.level as SensitiveLevel] as [string, SensitiveLevel]),
  );
  cache.set(workspaceId, { version, matcher });
  return matcher;
}
