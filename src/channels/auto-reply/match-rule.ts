// Keyword matching for auto-replies. Regexes are user input run on every inbound message, so they are
// bounded: short patterns, no backreferences or nested quantifiers (the classic catastrophic-backtracking
// shapes), and only the first 500 characters of a message are matched.
import { AppError } from '../../platform/errors.js';

export type MatchKind = 'exact' | 'contains' | 'regex';

export const MAX_PATTERN = 200;
const MAX_TEXT = 500;
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)[+*{?]/;
const BACKREFERENCE = /\\[1-9]|\\k</;

/** Throws VALIDATION for a pattern that is not allowed. */
export function checkPattern(match: MatchKind, pattern: string): void {
  if (pattern.length === 0 || pattern.length > MAX_PATTERN)
    throw new AppError('VALIDATION', `a pattern has 1 to ${MAX_PATTERN} characters`);
  if (match !== 'regex') return;
  if (NESTED_QUANTIFIER.test(pattern) || BACKREFERENCE.test(pattern))
    throw new AppError(
      'VALIDATION',
      'regex not allowed: nested quantifiers and backreferences can hang the matcher',
      {
        pattern,
      },
    );
  try {
    new RegExp(pattern, 'iu');
  } catch (e) {
    throw new AppError('VALIDATION', `invalid regex: ${(e as Error).message}`, { pattern });
  }
}

export function matches(match: MatchKind, pattern: string, text: string): boolean {
  const t = text.slice(0, MAX_TEXT).trim();
  if (match === 'exact') return t.toLowerCase() === pattern.trim().toLowerCase();
  if (match === 'contains') return t.toLowerCase().includes(pattern.toLowerCase());
  return new RegExp(pattern, 'iu').test(t);
}

/**
 * The rule that answers `text` on `accountId`: the first (callers order by priority) whose account is
 * that one or every account and whose pattern matches. `accountId` null (a test message): any account.
 */
export function firstMatch<R extends { account_id: string | null; match: string; pattern: string }>(
  rules: readonly R[],
  accountId: string | null,
  text: string,
): R | undefined {
  return rules.find(
    (r) =>
      (r.account_id === null || accountId === null || r.account_id === accountId) &&
      matches(r.match as MatchKind, r.pattern, text),
  );
}
