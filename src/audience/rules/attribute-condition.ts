// Attribute rules' conditions: segment expressions restricted to what a contact row holds (fields,
// attributes, tags), so they can be evaluated on the changed contacts alone, in SQL, inside the writer's
// transaction.
import { sql } from 'kysely';
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/store/database.js';
import { compileSegmentSql } from '../segments/compile-segment-sql.js';
import { parseSegment } from '../segments/parse-segment.js';
import type { SegmentAst } from '../segments/segment-ast.js';
import { dialectOf } from '../../platform/store/dialect-of.js';

const ID_CHUNK = 5000;

export function parseCondition(text: string): SegmentAst {
  const ast = parseSegment(text);
  const bad = disallowed(ast);
  if (bad) {
    throw new AppError('VALIDATION', `a rule's condition may use fields, attributes and tags only: ${bad}`, {
      issues: [{ path: 'condition', message: bad }],
    });
  }
  return ast;
}

function disallowed(ast: SegmentAst): string | undefined {
  switch (ast.kind) {
    case 'and':
    case 'or':
      return ast.items.map(disallowed).find(Boolean);
    case 'not':
      return disallowed(ast.operand);
    case 'label':
      return ast.namespace === 'tag' ? undefined : `"${ast.namespace}:" at position ${ast.position}`;
    case 'segment':
      return `saved segment reference at position ${ast.position}`;
    case 'did':
    case 'count':
      return `event condition at position ${ast.position} (use an event rule)`;
    default:
      return undefined;
  }
}

/** The given live contacts that satisfy the condition. */
export async function contactsMatching(
  db: Db,
  workspaceId: string,
  ast: SegmentAst,
  contactIds: readonly number[],
  now: Date,
): Promise<number[]> {
  const where = compileSegmentSql(ast, {
    dialect: dialectOf(db),
    at: now,
    resolveSegment: () => undefined,
  });
  const out: number[] = [];
  for (let i = 0; i < contactIds.length; i += ID_CHUNK) {
    const ids = contactIds.slice(i, i + ID_CHUNK);
    const rows = await sql<{ id: number }>`SELECT c.id FROM contacts c WHERE c.workspace_id = ${workspaceId}
      AND c.erased_at IS NULL AND c.merged_into IS NULL AND c.id IN (${sql.join(ids)}) AND ${where}`.execute(
      db,
    );
    for (const r of rows.rows) out.push(Number(r.id));
  }
  return out;
}
