// What a rehearsal did: touches by flow and step (by final state), guardrail holds by guardrail, the
// fans' resulting events by type and the runs' states by flow; and when the next thing is due.
import type { Db } from '../../platform/store/database.js';
import '../flows/flow-tables.js';
import '../dispatch/dispatch-tables.js';

export interface SimulationReport {
  isolation: 'copy';
  days: number;
  seed: number;
  from: string;
  to: string;
  ticks: number;
  touches: {
    total: number;
    byFlow: { flow: string; step: string; total: number; byState: Record<string, number> }[];
  };
  holds: { total: number; byGuardrail: Record<string, number> };
  events: { total: number; byType: Record<string, number> };
  runs: Record<string, Record<string, number>>;
}

export async function simulationReport(
  db: Db,
  workspaceId: string,
  o: {
    days: number;
    seed: number;
    start: Date;
    end: Date;
    ticks: number;
    holds: Map<string, string>;
    startSeq: number;
  },
): Promise<SimulationReport> {
  const names = new Map(
    (
      await db.selectFrom('flows').select(['id', 'name']).where('workspace_id', '=', workspaceId).execute()
    ).map((f) => [f.id, f.name]),
  );
  const touchRows = await db
    .selectFrom('touches')
    .select(['flow_id', 'step_id', 'state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('workspace_id', '=', workspaceId)
    .groupBy(['flow_id', 'step_id', 'state'])
    .execute();
  const byStep = new Map<
    string,
    { flow: string; step: string; total: number; byState: Record<string, number> }
  >();
  for (const r of touchRows) {
    const flow = r.flow_id ? (names.get(r.flow_id) ?? r.flow_id) : '(none)';
    const key = `${flow}\u0000${r.step_id}`;
    const e =
      byStep.get(key) ?? byStep.set(key, { flow, step: r.step_id ?? '', total: 0, byState: {} }).get(key)!;
    e.total += Number(r.n);
    e.byState[r.state] = Number(r.n);
  }
  const byGuardrail: Record<string, number> = {};
  for (const reason of o.holds.values()) {
    const g = reason.split(/[:\s(]/)[0]!;
    byGuardrail[g] = (byGuardrail[g] ?? 0) + 1;
  }
  const eventRows = await db
    .selectFrom('events')
    .select(['type', (eb) => eb.fn.countAll<number>().as('n')])
    .where('workspace_id', '=', workspaceId)
    .where('seq', '>', o.startSeq)
    .groupBy('type')
    .orderBy('type')
    .execute();
  const runRows = await db
    .selectFrom('flow_runs')
    .select(['flow_id', 'state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('workspace_id', '=', workspaceId)
    .groupBy(['flow_id', 'state'])
    .execute();
  const runs: Record<string, Record<string, number>> = {};
  for (const r of runRows) (runs[names.get(r.flow_id) ?? r.flow_id] ??= {})[r.state] = Number(r.n);
  const touches = [...byStep.values()].sort(
    (a, b) => a.flow.localeCompare(b.flow) || a.step.localeCompare(b.step),
  );
  return {
    isolation: 'copy',
    days: o.days,
    seed: o.seed,
    from: o.start.toISOString(),
    to: o.end.toISOString(),
    ticks: o.ticks,
    touches: { total: touches.reduce((s, t) => s + t.total, 0), byFlow: touches },
    holds: { total: o.holds.size, byGuardrail },
    events: {
      total: eventRows.reduce((s, r) => s + Number(r.n), 0),
      byType: Object.fromEntries(eventRows.map((r) => [r.type, Number(r.n)])),
    },
    runs,
  };
}

/** Epoch ms of the next due run, touch or date/cron trigger after `now` (null: nothing scheduled). */
export async function nextWake(db: Db, workspaceId: string, now: Date): Promise<number | null> {
  const at = now.toISOString();
  const run = await db
    .selectFrom('flow_runs')
    .select((eb) => eb.fn.min('next_due_at').as('m'))
    .where('workspace_id', '=', workspaceId)
    .where('state', 'in', ['active', 'waiting'])
    .where('next_due_at', '>', at)
    .executeTakeFirst();
  const touch = await db
    .selectFrom('touches')
    .select((eb) => eb.fn.min('due_at').as('m'))
    .where('workspace_id', '=', workspaceId)
    .where('state', 'in', ['planned', 'held', 'failed', 'awaiting_confirmation'])
    .where('due_at', '>', at)
    .executeTakeFirst();
  const fire = await db
    .selectFrom('flows')
    .select((eb) => eb.fn.min('next_fire_at').as('m'))
    .where('workspace_id', '=', workspaceId)
    .where('status', '=', 'active')
    .where('next_fire_at', '>', at)
    .executeTakeFirst();
  const times = [run?.m, touch?.m, fire?.m]
    .filter((m): m is string => typeof m === 'string')
    .map((m) => Date.parse(m));
  return times.length > 0 ? Math.min(...times) : null;
}
