// Saved segments as the engine's ResolveSegment: `segment:NAME` reads the workspace's `segments` table.
// Read once per evaluation (the table is small), and only when the expression refers to a saved segment.
import type { Db } from '../../platform/store/database.js';
import type { ResolveSegment } from '../segments/inline-segments.js';
import { parseSegment } from '../segments/parse-segment.js';
import type { SegmentAst } from '../segments/segment-ast.js';
import '../audience-tables.js';

/** Whether the expression refers to a saved segment (to `name`, when given). */
export function refersToSaved(ast: SegmentAst, name?: string): boolean {
  switch (ast.kind) {
    case 'and':
    case 'or':
      return ast.items.some((x) => refersToSaved(x, name));
    case 'not':
      return refersToSaved(ast.operand, name);
    default:
      return ast.kind === 'segment' && (name === undefined || ast.name === name);
  }
}

const noSaved: ResolveSegment = () => undefined;

/** `replace` stands in for one saved segment's new expression while checking it before saving. */
export async function loadSegmentResolver(
  db: Db,
  workspaceId: string,
  ast: SegmentAst,
  replace?: { name: string; ast: SegmentAst },
): Promise<ResolveSegment> {
  if (!refersToSaved(ast)) return noSaved;
  const rows = await db
    .selectFrom('segments')
    .select(['name', 'expression'])
    .where('workspace_id', '=', workspaceId)
    .execute();
  const texts = new Map(rows.map((r) => [r.name, r.expression]));
  const parsed = new Map<string, SegmentAst>();
  if (replace) parsed.set(replace.name, replace.ast);
  return (name) => {
    let saved = parsed.get(name);
    const text = texts.get(name);
    if (!saved && text !== undefined) parsed.set(name, (saved = parseSegment(text)));
    return saved;
  };
}
