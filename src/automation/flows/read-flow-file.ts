// Reads flow files (YAML or JSON — JSON is YAML too, so one parser gives line numbers for both) and
// validates them; every error names the field's path (`steps[2].at`) and, where it exists, its line.
import { isNode, LineCounter, parseAllDocuments, type Document } from 'yaml';
import { AppError } from '../../platform/errors.js';
import { FlowDefinition } from './flow-definition.js';

export interface FlowFileIssue {
  path: string;
  message: string;
  line: number | null;
}

/** `['steps', 2, 'at']` → `steps[2].at`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out || '(file)';
}

/** Every flow in the text (a YAML stream may hold several documents; a JSON array is several flows). */
export function readFlowFile(text: string, file = 'flow file'): FlowDefinition[] {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines });
  if (!Array.isArray(docs)) return [];
  const flows: FlowDefinition[] = [];
  const issues: FlowFileIssue[] = [];
  for (const doc of docs) {
    for (const e of doc.errors) {
      issues.push({
        path: '(syntax)',
        message: e.message.split('\n')[0]!,
        line: lines.linePos(e.pos[0]).line,
      });
    }
    if (doc.errors.length > 0) continue;
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) continue;
    const items = Array.isArray(value) ? value : [value];
    items.forEach((item, i) => {
      const prefix = Array.isArray(value) ? [i] : [];
      const r = FlowDefinition.safeParse(item);
      if (r.success) flows.push(r.data);
      else
        for (const issue of r.error.issues) {
          const path = [...prefix, ...issue.path];
          issues.push({ path: formatPath(path), message: issue.message, line: lineOf(doc, lines, path) });
        }
    });
  }
  if (issues.length > 0) {
    const where = (i: FlowFileIssue) => (i.line ? `${file}:${i.line}: ` : '');
    throw new AppError('VALIDATION', issues.map((i) => `${where(i)}${i.path}: ${i.message}`).join('\n'), {
      issues,
    });
  }
  return flows;
}

/** The line of the deepest node on the path that exists (a missing key points at its parent). */
function lineOf(doc: Document, lines: LineCounter, path: readonly PropertyKey[]): number | null {
  for (let n = path.length; n >= 0; n--) {
    const node: unknown = doc.getIn(path.slice(0, n) as (string | number)[], true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return null;
}
