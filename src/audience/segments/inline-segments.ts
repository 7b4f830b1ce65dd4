// Replaces every `segment:NAME` by the saved segment's own tree, so evaluators never see references.
import { AppError } from '../../platform/errors.js';
import type { SegmentAst } from './segment-ast.js';

export type ResolveSegment = (name: string) => SegmentAst | undefined;

/**
 * `path` lists the saved segments being expanded (pass the segment's own name when checking a segment
 * before saving it, so a self-reference is reported as a cycle). Errors inside a referenced segment point
 * at the reference in the outermost text, the one the user is looking at.
 */
export function inlineSegments(
  ast: SegmentAst,
  resolve: ResolveSegment,
  path: readonly string[] = [],
  outerPosition?: number,
): SegmentAst {
  switch (ast.kind) {
    case 'and':
    case 'or':
      return { kind: ast.kind, items: ast.items.map((x) => inlineSegments(x, resolve, path, outerPosition)) };
    case 'not':
      return { kind: 'not', operand: inlineSegments(ast.operand, resolve, path, outerPosition) };
    case 'segment': {
      const position = outerPosition ?? ast.position;
      if (path.includes(ast.name)) {
        const cycle = [...path.slice(path.indexOf(ast.name)), ast.name];
        throw new AppError('SEGMENT_CYCLE', `segment cycle ${cycle.join(' -> ')} at position ${position}`, {
          position,
          cycle,
        });
      }
      const saved = resolve(ast.name);
      if (!saved) {
        throw new AppError('NOT_FOUND', `unknown segment "${ast.name}" at position ${position}`, {
          position,
          segment: ast.name,
        });
      }
      return inlineSegments(saved, resolve, [...path, ast.name], position);
    }
    default:
      return ast;
  }
}
