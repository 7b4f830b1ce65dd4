import type { Db } from '../../platform/store/database.js';
import type { SensitiveWordTable } from '../content-tables.js';
import type { SensitiveLevel } from './sensitive-matcher.js';

export interface SensitiveWord {
  id: string;
  word: string;
  level: SensitiveLevel;
  createdAt: string;
  updatedAt: string;
}

export function toSensitiveWord(r: SensitiveWordTable): SensitiveWord {
  return {
    id: r.id,
    word: r.word,
    level: r.level as SensitiveLevel,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The whole list (lists are thousands of words at most), by word; optionally one level only. */
export async function listSensitiveWords(
  db: Db,
  workspaceId: string,
  level?: SensitiveLevel,
): Promise<SensitiveWord[]> {
  let q = db.selectFrom('sensitive_words').selectAll().where('workspace_id', '=', workspaceId);
  if (level) q = q.where('level', '=', level);
  return (await q.orderBy('word').execute()).map(toSensitiveWord);
}
