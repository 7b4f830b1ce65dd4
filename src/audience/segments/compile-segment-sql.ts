// Compiles a segment into a SQL boolean over the contacts row aliased `c`, for SQLite and PostgreSQL:
//   SELECT count(*) FROM contacts c WHERE c.workspace_id = ? AND c.erased_at IS NULL AND <expr>
// Semantics are those of evaluate-reference.ts. Every user value is a bound parameter. Each atom is
// written so it is never NULL (missing values give FALSE), so NOT stays two-valued like the engine.
import { sql } from 'kysely';
import type { RawBuilder, SqlBool } from 'kysely';
import type { Dialect } from '../../platform/store/database.js';
import { inEventWeeks } from '../events/event-weeks.js';
import { inlineSegments } from './inline-segments.js';
import type { EvaluateOptions } from './evaluate-segment.js';
import { attrKey } from './segment-ast.js';
import type { CompareOp, SegmentAst, SegmentField } from './segment-ast.js';
import { createdAtIntervals, eventWindow, isNumericText } from './segment-values.js';

type Expr = RawBuilder<SqlBool>;

export interface CompileOptions extends EvaluateOptions {
  dialect: Dialect;
}

const SQL_OPS: Record<Exclude<CompareOp, '~'>, string> = {
  '=': '=',
  '!=': '<>',
  '>': '>',
  '>=': '>=',
  '<': '<',
  '<=': '<=',
};

export function compileSegmentSql(ast: SegmentAst, options: CompileOptions): Expr {
  const tree = inlineSegments(ast, options.resolveSegment);
  return node(tree, options.dialect, options.at.getTime());
}

/** The whole count query of a workspace's live contacts. */
export function segmentCountSql(
  ast: SegmentAst,
  workspaceId: string,
  options: CompileOptions,
): RawBuilder<{ n: number | string }> {
  const where = compileSegmentSql(ast, options);
  return sql`SELECT count(*) AS n FROM contacts c WHERE c.workspace_id = ${workspaceId} AND c.erased_at IS NULL AND ${where}`;
}

function node(ast: SegmentAst, dialect: Dialect, at: number): Expr {
  switch (ast.kind) {
    case 'and':
    case 'or': {
      const glue = ast.kind === 'and' ? sql` AND ` : sql` OR `;
      return sql`(${sql.join(
        ast.items.map((x) => node(x, dialect, at)),
        glue,
      )})`;
    }
    case 'not':
      return sql`(NOT ${node(ast.operand, dialect, at)})`;
    case 'label':
      return ast.namespace === 'tag'
        ? sql`EXISTS (SELECT 1 FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.contact_id = c.id AND ct.workspace_id = c.workspace_id AND t.name = ${ast.value})`
        : sql`EXISTS (SELECT 1 FROM contact_tiers ctr WHERE ctr.contact_id = c.id AND ctr.workspace_id = c.workspace_id AND ctr.tier = ${ast.value})`;
    case 'segment':
      throw new Error('segment references are inlined before compiling');
    case 'in':
      return sql`(${sql.join(
        ast.values.map((v) => compare(ast.field, '=', v, dialect)),
        sql` OR `,
      )})`;
    case 'compare':
      return compare(ast.field, ast.op, ast.value, dialect);
    case 'did': {
      const { start, end } = eventWindow(at, ast.days);
      return sql`EXISTS (SELECT 1 FROM events e WHERE e.contact_id = c.id AND ${inEventWeeks(start, end, 'e')} AND e.workspace_id = c.workspace_id AND e.type = ${ast.eventType} AND e.at > ${start} AND e.at <= ${end})`;
    }
    case 'count': {
      const { start, end } = eventWindow(at, ast.days);
      return sql`((SELECT count(*) FROM events e WHERE e.contact_id = c.id AND ${inEventWeeks(start, end, 'e')} AND e.workspace_id = c.workspace_id AND e.type = ${ast.eventType} AND e.at > ${start} AND e.at <= ${end}) ${sql.raw(SQL_OPS[ast.op])} ${num(ast.value)})`;
    }
  }
}

function num(value: number | string): RawBuilder<number> {
  return sql`CAST(${String(value)} AS NUMERIC)`;
}

function compare(field: SegmentField, op: CompareOp, value: string, dialect: Dialect): Expr {
  const key = attrKey(field);
  if (key !== undefined) return compareAttr(key, op, value, dialect);
  const col = sql.ref(`c.${field}`);
  if (op === '~') return sql`(${col} IS NOT NULL AND ${contains(col, value, dialect)})`;
  if (field === 'birth_year')
    return sql`(${col} IS NOT NULL AND ${col} ${sql.raw(SQL_OPS[op])} ${num(value)})`;
  if (field === 'created_at') {
    // Stored as canonical ISO-8601 UTC text, which sorts like the instants it names.
    const ranges = createdAtIntervals(op, value).map((i) => {
      const parts = [sql`${col} IS NOT NULL`];
      if (i.lo !== -Infinity) parts.push(sql`${col} >= ${new Date(i.lo).toISOString()}`);
      if (i.hi !== Infinity) parts.push(sql`${col} < ${new Date(i.hi).toISOString()}`);
      return sql<SqlBool>`(${sql.join(parts, sql` AND `)})`;
    });
    return sql`(${sql.join(ranges, sql` OR `)})`;
  }
  return sql`(${col} IS NOT NULL AND ${col} ${sql.raw(SQL_OPS[op])} ${value})`;
}

function contains(
  text: RawBuilder<unknown> | ReturnType<typeof sql.ref>,
  part: string,
  dialect: Dialect,
): Expr {
  return dialect === 'sqlite' ? sql`instr(${text}, ${part}) > 0` : sql`strpos(${text}, ${part}) > 0`;
}

/** JSON access to one attribute, per dialect: its type, its text, its number. */
function attrAccess(key: string, dialect: Dialect) {
  if (dialect === 'sqlite') {
    const path = `$."${key}"`;
    const type = sql`coalesce(json_type(c.attrs, ${path}), '')`;
    return {
      isText: sql<SqlBool>`${type} = 'text'`,
      isNumber: sql<SqlBool>`${type} IN ('integer', 'real')`,
      isPresent: sql<SqlBool>`${type} IN ('text', 'integer', 'real', 'true', 'false')`,
      isBool: (b: 'true' | 'false') => sql<SqlBool>`${type} = ${b}`,
      text: sql`json_extract(c.attrs, ${path})`,
      number: sql`json_extract(c.attrs, ${path})`,
    };
  }
  const json = sql`(c.attrs::jsonb -> CAST(${key} AS TEXT))`;
  const text = sql`(c.attrs::jsonb ->> CAST(${key} AS TEXT))`;
  const type = sql`coalesce(jsonb_typeof(${json}), '')`;
  return {
    isText: sql<SqlBool>`${type} = 'string'`,
    isNumber: sql<SqlBool>`${type} = 'number'`,
    isPresent: sql<SqlBool>`${type} IN ('string', 'number', 'boolean')`,
    isBool: (b: 'true' | 'false') => sql<SqlBool>`(${type} = 'boolean' AND ${text} = ${b})`,
    text,
    // CASE keeps the cast from ever seeing a non-number (AND does not order evaluation in PostgreSQL).
    number: sql`(CASE WHEN jsonb_typeof(${json}) = 'number' THEN CAST(${text} AS NUMERIC) END)`,
  };
}

function compareAttr(key: string, op: CompareOp, value: string, dialect: Dialect): Expr {
  const a = attrAccess(key, dialect);
  const numeric = isNumericText(value);
  if (op === '~') return sql`(${a.isText} AND ${contains(a.text, value, dialect)})`;
  if (op !== '=' && op !== '!=') {
    return numeric
      ? sql`(${a.isNumber} AND ${a.number} ${sql.raw(SQL_OPS[op])} ${num(value)})`
      : sql`(1 = 0)`;
  }
  const equal = [sql<SqlBool>`(${a.isText} AND ${a.text} = ${value})`];
  if (numeric) equal.push(sql`(${a.isNumber} AND ${a.number} = ${num(value)})`);
  if (value === 'true' || value === 'false') equal.push(a.isBool(value));
  const eq = sql<SqlBool>`(${sql.join(equal, sql` OR `)})`;
  return op === '=' ? eq : sql`(${a.isPresent} AND NOT ${eq})`;
}
