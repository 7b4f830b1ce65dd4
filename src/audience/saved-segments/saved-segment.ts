// A saved segment as the rest of the code sees it, its input schema, and the checks every save runs.
import { z } from 'zod';
import { AppError, isAppError } from '../../platform/errors.js';
import type { Db } from '../../platform/store/database.js';
import type { SegmentTable } from '../audience-tables.js';
import { inlineSegments } from '../segments/inline-segments.js';
import { parseSegment } from '../segments/parse-segment.js';
import type { SegmentAst } from '../segments/segment-ast.js';
import { loadSegmentResolver } from './load-segment-resolver.js';

export interface SavedSegment {
  id: string;
  name: string;
  expression: string;
  description: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Names read as `segment:NAME` without quotes. */
export const SegmentName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}_.-]+$/u, 'letters, digits, _ . - only');

export const SegmentInput = z.strictObject({
  name: SegmentName,
  expression: z.string().min(1).max(4000),
  description: z.string().max(500).nullish(),
});
export type SegmentInput = z.infer<typeof SegmentInput>;

export function toSavedSegment(row: SegmentTable): SavedSegment {
  return {
    id: row.id,
    name: row.name,
    expression: row.expression,
    description: row.description,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function getSegmentByName(db: Db, workspaceId: string, name: string): Promise<SavedSegment> {
  const row = await db
    .selectFrom('segments')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('name', '=', name)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `segment "${name}" not found`, { segment: name });
  return toSavedSegment(row);
}

/**
 * Parses the expression (SEGMENT_SYNTAX) and expands its references as if it were already saved under
 * `name` (SEGMENT_CYCLE for a cycle through it; VALIDATION for an unknown segment).
 */
export async function checkSegmentExpression(
  db: Db,
  workspaceId: string,
  name: string,
  expression: string,
): Promise<SegmentAst> {
  const ast = parseSegment(expression);
  try {
    inlineSegments(ast, await loadSegmentResolver(db, workspaceId, ast, { name, ast }), [name]);
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') throw new AppError('VALIDATION', e.message, e.details);
    throw e;
  }
  return ast;
}
