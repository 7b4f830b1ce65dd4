// Starts a flow with a manual trigger by hand: its audience (or an override: a segment expression, contact
// ids or external ids) enrolls through the one enrol path, so the flow's audience and community, its
// re-entry rule and every guardrail still apply. A broadcast flow (no audience) with no override gets its
// one run. The client's key makes a start idempotent: runs are keyed by (flow, `m:<key>`, contact), so a
// double click or a retried request enrolls no one twice; contacts an earlier start with the same key
// enrolled are counted as `already`, and a start cut short is finished by sending it again.
import { z } from 'zod';
import { resolveContactIds, resolveExternalIds } from '../../audience/contacts/resolve-contacts.js';
import { audienceIndexFor } from '../../audience/index/audience-index.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Store } from '../../platform/store/open-store.js';
import { audienceMembers } from './audience-filter.js';
import { enrollContacts } from './enroll-contacts.js';
import { isBroadcast } from './flow-definition.js';
import { getFlowRow } from './flow-store.js';
import { VersionCache } from './live-flows.js';

export const StartFlowInput = z
  .strictObject({
    /** Idempotency key chosen by the client (e.g. one per click of "Start now"). */
    key: z
      .string()
      .regex(/^[\w.:-]{1,100}$/, 'expected 1-100 letters, digits, _ . : -')
      .optional(),
    audience: z.string().trim().min(1).max(4000).optional(),
    contactIds: z.array(z.number().int().positive()).min(1).max(100_000).optional(),
    externalIds: z.array(z.string().trim().min(1).max(200)).min(1).max(100_000).optional(),
  })
  .refine(
    (v) => [v.audience, v.contactIds, v.externalIds].filter((x) => x !== undefined).length <= 1,
    'give at most one of audience, contactIds and externalIds',
  );
export type StartFlowInput = z.input<typeof StartFlowInput>;

export interface StartReport {
  key: string;
  /** Contacts the start named (1 for a broadcast run). */
  matched: number;
  /** New runs. */
  enrolled: number;
  /** Runs an earlier start with the same key made. */
  already: number;
  /** Left out by the flow's audience or community, or by its re-entry rule. */
  skipped: number;
  /** Touches planned by the runs' first steps. */
  touches: number;
  /** Contact or external ids with no live contact. */
  unknown: number;
  unknownExamples: string[];
}

const CHUNK = 50_000;

export async function startFlow(
  store: Store,
  workspaceId: string,
  flowId: string,
  input: StartFlowInput,
  ctx: { actor: string; now: Date },
): Promise<StartReport> {
  const data = StartFlowInput.parse(input);
  const { db } = store;
  const row = await getFlowRow(db, workspaceId, flowId);
  const flow = (await new VersionCache(db).get(row.id, row.version))!;
  if (flow.def.trigger.type !== 'manual')
    throw new AppError('CONFLICT', `flow ${flowId} has a ${flow.def.trigger.type} trigger, not manual`, {
      flow: flowId,
      trigger: flow.def.trigger.type,
    });
  if (row.status !== 'active')
    throw new AppError('CONFLICT', `flow ${flowId} is ${row.status}: activate it before starting it`, {
      flow: flowId,
      status: row.status,
    });

  const key = data.key ?? newId('start', ctx.now);
  const triggerKey = `m:${key}`;
  const unknown: string[] = [];
  let ids: number[];
  if (data.audience !== undefined)
    ids = [...(await audienceIndexFor(store).bitmap(workspaceId, data.audience, { at: ctx.now })).toArray()];
  else if (data.contactIds) ids = await resolveContactIds(db, workspaceId, data.contactIds, unknown);
  else if (data.externalIds) ids = await resolveExternalIds(db, workspaceId, data.externalIds, unknown);
  else ids = isBroadcast(flow.def) ? [0] : await audienceMembers(store, workspaceId, flow.def, ctx.now);

  const earlier = await db
    .selectFrom('flow_runs')
    .select('contact_id')
    .where('flow_id', '=', flow.id)
    .where('trigger_key', '=', triggerKey)
    .execute();
  const done = new Set(earlier.map((r) => Number(r.contact_id)));
  const fresh = ids.filter((id) => !done.has(id));
  const report: StartReport = {
    key,
    matched: ids.length,
    enrolled: 0,
    already: ids.length - fresh.length,
    skipped: 0,
    touches: 0,
    unknown: unknown.length,
    unknownExamples: unknown.slice(0, 20),
  };
  const versions = new VersionCache(db);
  for (let i = 0; i < fresh.length; i += CHUNK) {
    const candidates = fresh.slice(i, i + CHUNK).map((contactId) => ({ contactId, triggerKey, at: ctx.now }));
    const r = await enrollContacts(store, flow, candidates, ctx.now, versions);
    report.enrolled += r.enrolled;
    report.touches += r.touches;
  }
  report.skipped = fresh.length - report.enrolled;
  await recordAudit(db, {
    workspaceId,
    actor: ctx.actor,
    action: 'flow.start',
    target: flow.id,
    details: {
      key,
      by: data.audience !== undefined ? 'audience' : data.contactIds || data.externalIds ? 'list' : 'flow',
      matched: report.matched,
      enrolled: report.enrolled,
    },
    at: ctx.now,
  });
  return report;
}
