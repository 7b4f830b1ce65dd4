// Flows as files: apply a YAML/JSON file (create, or a new version when changed) and export them back.
import type { Db } from '../../platform/store/database.js';
import type { FlowDefinition } from './flow-definition.js';
import { listFlows } from './list-flows.js';
import { readFlowFile } from './read-flow-file.js';
import { saveFlow } from './save-flow.js';

export interface AppliedFlow {
  id: string;
  name: string;
  version: number;
  status: string;
  result: 'created' | 'updated' | 'unchanged';
}

/** Validates every flow of the file before saving any: a bad file changes nothing. */
export async function applyFlowFile(
  db: Db,
  workspaceId: string,
  text: string,
  file: string,
  ctx: { actor: string; now: Date },
): Promise<AppliedFlow[]> {
  const defs = readFlowFile(text, file);
  const out: AppliedFlow[] = [];
  for (const def of defs) {
    const r = await saveFlow(db, workspaceId, def, ctx);
    out.push({
      id: r.flow.id,
      name: r.flow.name,
      version: r.flow.version,
      status: r.flow.status,
      result: r.created ? 'created' : r.versioned ? 'updated' : 'unchanged',
    });
  }
  return out;
}

/** The workspace's flows as definitions (what `flows apply` reads back unchanged). */
export async function exportFlows(db: Db, workspaceId: string): Promise<FlowDefinition[]> {
  return (await listFlows(db, workspaceId)).map((f) => f.definition);
}
