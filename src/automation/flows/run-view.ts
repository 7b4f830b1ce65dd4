// A run as the API and CLI show it: where the contact is in the flow and why it stopped.
import type { Db } from '../../platform/store/database.js';
import type { FlowRunTable } from './flow-tables.js';
import { VersionCache } from './live-flows.js';

export interface RunView {
  id: string;
  flowId: string;
  version: number;
  /** Null for a broadcast run. */
  contactId: number | null;
  state: string;
  stepIndex: number;
  /** The step the run is at (null once past the last step). */
  stepId: string | null;
  nextDueAt: string | null;
  waitingFor: { type: string; props: Record<string, unknown> } | null;
  exitReason: string | null;
  enrolledAt: string;
  endedAt: string | null;
}

export async function toRunViews(db: Db, rows: readonly FlowRunTable[]): Promise<RunView[]> {
  const versions = new VersionCache(db);
  return Promise.all(
    rows.map(async (r) => {
      const flow = await versions.get(r.flow_id, r.version);
      return {
        id: r.id,
        flowId: r.flow_id,
        version: r.version,
        contactId: Number(r.contact_id) || null,
        state: r.state,
        stepIndex: r.step_index,
        stepId: flow?.def.steps[r.step_index]?.id ?? null,
        nextDueAt: r.next_due_at,
        waitingFor: r.waiting_for ? (JSON.parse(r.waiting_for) as RunView['waitingFor']) : null,
        exitReason: r.exit_reason,
        enrolledAt: r.enrolled_at,
        endedAt: r.ended_at,
      };
    }),
  );
}
