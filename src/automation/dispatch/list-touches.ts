// The delivery log: touches filtered by state, flow, contact, account and time, newest first, keyset
// paged on (created_at, id).
import type { Db } from '../../platform/store/database.js';
import { decodeCursor, encodeCursor } from '../../platform/pagination.js';
import type { TouchState, TouchTable } from './dispatch-tables.js';

export interface TouchFilter {
  state?: TouchState | undefined;
  flowId?: string | undefined;
  contactId?: number | undefined;
  accountId?: string | undefined;
  /** created_at window (ISO). */
  from?: string | undefined;
  to?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

export interface TouchView {
  id: string;
  idempotencyKey: string;
  flowId: string | null;
  flowRunId: string | null;
  stepId: string | null;
  kind: string;
  accountId: string;
  contactId: number | null;
  groupId: string | null;
  text: string;
  promotion: boolean;
  marketing: boolean;
  state: TouchState;
  dueAt: string;
  attempts: number;
  channelRef: string | null;
  lastError: string | null;
  heldReason: string | null;
  heldUntil: string | null;
  sentAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export function toTouchView(t: TouchTable): TouchView {
  return {
    id: t.id,
    idempotencyKey: t.idempotency_key,
    flowId: t.flow_id,
    flowRunId: t.flow_run_id,
    stepId: t.step_id,
    kind: t.kind,
    accountId: t.account_id,
    contactId: t.contact_id === null ? null : Number(t.contact_id),
    groupId: t.group_id,
    text: (JSON.parse(t.content) as { text: string }).text,
    promotion: t.promotion === 1,
    marketing: t.marketing === 1,
    state: t.state,
    dueAt: t.due_at,
    attempts: t.attempts,
    channelRef: t.channel_ref,
    lastError: t.last_error,
    heldReason: t.held_reason,
    heldUntil: t.held_until,
    sentAt: t.sent_at,
    createdAt: t.created_at,
    updatedAt: t.updated_at,
  };
}

export async function listTouches(
  db: Db,
  workspaceId: string,
  f: TouchFilter,
): Promise<{ items: TouchView[]; nextCursor: string | null }> {
  let q = db.selectFrom('touches').selectAll().where('workspace_id', '=', workspaceId);
  if (f.state) q = q.where('state', '=', f.state);
  if (f.flowId) q = q.where('flow_id', '=', f.flowId);
  if (f.contactId !== undefined) q = q.where('contact_id', '=', f.contactId);
  if (f.accountId) q = q.where('account_id', '=', f.accountId);
  if (f.from) q = q.where('created_at', '>=', f.from);
  if (f.to) q = q.where('created_at', '<', f.to);
  if (f.cursor) {
    const [at, id] = decodeCursor(f.cursor, 2) as [string, string];
    q = q.where((e) => e.or([e('created_at', '<', at), e.and([e('created_at', '=', at), e('id', '<', id)])]));
  }
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
  const items = rows.slice(0, f.limit).map(toTouchView);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: rows.length > f.limit && last ? encodeCursor([last.createdAt, last.id]) : null,
  };
}
