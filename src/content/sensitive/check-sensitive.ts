// Checks a text against the workspace's sensitive words: on script save and again by the dispatcher
// before sending (the list may have grown since the script was written).
import type { Db } from '../../platform/store/database.js';
import { AppError } from '../../platform/errors.js';
import { sensitiveMatcher, type SensitiveLevel } from './sensitive-matcher.js';

export interface SensitiveHit {
  word: string;
  level: SensitiveLevel;
  /** 1-based, in characters; line and column too. */
  position: number;
  line: number;
  column: number;
}

export interface SensitiveReport {
  blocked: SensitiveHit[];
  warnings: SensitiveHit[];
}

export async function checkSensitive(db: Db, workspaceId: string, text: string): Promise<SensitiveReport> {
  const matches = (await sensitiveMatcher(db, workspaceId)).search(text);
  if (matches.length === 0) return { blocked: [], warnings: [] };
  const chars = [...text];
  const hits = matches
    .map((m) => ({ word: m.pattern, level: m.payload, ...lineColumn(chars, m.start) }))
    .sort((a, b) => a.position - b.position || b.word.length - a.word.length);
  return {
    blocked: hits.filter((h) => h.level === 'block'),
    warnings: hits.filter((h) => h.level === 'warn'),
  };
}

/** Throws SENSITIVE_WORD naming the blocked words and where they are; returns the warnings. */
export async function assertNotBlocked(db: Db, workspaceId: string, text: string): Promise<SensitiveHit[]> {
  const r = await checkSensitive(db, workspaceId, text);
  const first = r.blocked[0];
  if (first) {
    throw new AppError(
      'SENSITIVE_WORD',
      `blocked word "${first.word}" at line ${first.line}, column ${first.column} (position ${first.position})` +
        (r.blocked.length > 1 ? ` and ${r.blocked.length - 1} more` : ''),
      { blocked: r.blocked, warnings: r.warnings },
    );
  }
  return r.warnings;
}

function lineColumn(chars: string[], start: number) {
  let line = 1;
  let column = 1;
  for (let i = 0; i < start; i++) {
    if (chars[i] === '\n') {
      line++;
      column = 1;
    } else column++;
  }
  return { position: start + 1, line, column };
}
