// What the guardrails need to judge one claimed batch, read in a few bulk queries.
import { sql } from 'kysely';
import type { Db } from '../../platform/store/database.js';
import type { TouchTable } from '../dispatch/dispatch-tables.js';
import { loadGuardrailSettings, type GuardrailSettings } from './guardrail-settings.js';
import '../../channels/channel-tables.js';

export interface GroupMix {
  total: number;
  promotions: number;
  /** sent_at of the oldest promotion in the window (when the share next drops). */
  oldestPromotion: string | null;
}

export interface GuardContext {
  workspaces: Map<string, { settings: GuardrailSettings; timezone: string }>;
  personalAccounts: Set<string>;
  /** `${workspaceId}:${contactId}` → why. */
  suppressed: Map<string, string>;
  optedOut: Map<string, string>;
  groupMix: Map<string, GroupMix>;
}

const CHUNK = 5000;

export async function loadGuardContext(
  db: Db,
  touches: readonly TouchTable[],
  now: Date,
): Promise<GuardContext> {
  const wsIds = [...new Set(touches.map((t) => t.workspace_id))];
  const workspaces = new Map<string, { settings: GuardrailSettings; timezone: string }>();
  for (const id of wsIds) {
    const ws = await db.selectFrom('workspaces').select('timezone').where('id', '=', id).executeTakeFirst();
    workspaces.set(id, { settings: await loadGuardrailSettings(db, id), timezone: ws?.timezone ?? 'UTC' });
  }
  const accountIds = [...new Set(touches.map((t) => t.account_id))];
  const personal = await db
    .selectFrom('channel_accounts')
    .select('id')
    .where('id', 'in', accountIds)
    .where('personal', '=', 1)
    .execute();

  const contactIds = [...new Set(touches.flatMap((t) => (t.contact_id === null ? [] : [t.contact_id])))];
  const suppressed = new Map<string, string>();
  const optedOut = new Map<string, string>();
  for (let i = 0; i < contactIds.length; i += CHUNK) {
    const part = contactIds.slice(i, i + CHUNK);
    const s = await db
      .selectFrom('suppressions')
      .select(['workspace_id', 'contact_id', 'reason'])
      .where('workspace_id', 'in', wsIds)
      .where('contact_id', 'in', part)
      .execute();
    for (const r of s) suppressed.set(`${r.workspace_id}:${r.contact_id}`, r.reason);
    const o = await db
      .selectFrom('opt_outs')
      .select(['workspace_id', 'contact_id', 'word', 'at'])
      .where('workspace_id', 'in', wsIds)
      .where('contact_id', 'in', part)
      .execute();
    for (const r of o) optedOut.set(`${r.workspace_id}:${r.contact_id}`, `"${r.word}" at ${r.at}`);
  }

  const groupMix = new Map<string, GroupMix>();
  const groups = [...new Set(touches.flatMap((t) => (t.group_id && t.promotion ? [t.group_id] : [])))];
  if (groups.length > 0) {
    const days = Math.max(...[...workspaces.values()].map((w) => w.settings.promotionMix.windowDays));
    const since = new Date(now.getTime() - days * 86_400_000).toISOString();
    const rows = await db
      .selectFrom('touches')
      .select([
        'group_id',
        sql<number>`count(*)`.as('total'),
        sql<number>`sum(promotion)`.as('promotions'),
        sql<string | null>`min(case when promotion = 1 then sent_at end)`.as('oldest'),
      ])
      .where('group_id', 'in', groups)
      .where('state', '=', 'sent')
      .where('sent_at', '>=', since)
      .groupBy('group_id')
      .execute();
    for (const r of rows) {
      groupMix.set(r.group_id!, {
        total: Number(r.total),
        promotions: Number(r.promotions ?? 0),
        oldestPromotion: r.oldest,
      });
    }
  }
  return { workspaces, personalAccounts: new Set(personal.map((p) => p.id)), suppressed, optedOut, groupMix };
}
