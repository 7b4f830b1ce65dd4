// Opaque cursors for keyset pagination.
import { AppError } from './errors.js';

export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): (string | number)[] {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(v) &&
      v.length === arity &&
      v.every((x) => typeof x === 'string' || typeof x === 'number')
    ) {
      return v as (string | number)[];
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('BAD_REQUEST', 'invalid cursor: pass back the nextCursor of a previous page', {
    field: 'cursor',
  });
}
