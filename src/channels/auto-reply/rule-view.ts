// An auto-reply rule as the API sees it, its input, and the row lookup its use-cases share.
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/store/database.js';
import type { AutoReplyRuleTable } from './auto-reply-tables.js';
import { MAX_PATTERN } from './match-rule.js';
import './auto-reply-tables.js';
import '../channel-tables.js';
import '../../content/content-tables.js';

export const RuleFields = z.strictObject({
  name: z.string().trim().min(1).max(100),
  /** null: every account of the workspace. */
  accountId: z.string().min(1).nullable().default(null),
  match: z.enum(['exact', 'contains', 'regex']),
  pattern: z.string().min(1).max(MAX_PATTERN),
  scriptId: z.string().min(1),
  /** Higher first; the first matching rule replies. */
  priority: z.number().int().min(-1000).max(1000).default(0),
  /** A contact gets this rule's reply at most once per cool-down. */
  cooldownSeconds: z
    .number()
    .int()
    .min(0)
    .max(30 * 86_400)
    .default(3600),
  enabled: z.boolean().default(true),
});
export type RuleInput = z.input<typeof RuleFields>;

export interface RuleView {
  id: string;
  name: string;
  accountId: string | null;
  match: 'exact' | 'contains' | 'regex';
  pattern: string;
  scriptId: string;
  priority: number;
  cooldownSeconds: number;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export function toRuleView(r: AutoReplyRuleTable): RuleView {
  return {
    id: r.id,
    name: r.name,
    accountId: r.account_id,
    match: r.match as RuleView['match'],
    pattern: r.pattern,
    scriptId: r.script_id,
    priority: r.priority,
    cooldownSeconds: r.cooldown_seconds,
    enabled: r.enabled === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function findRuleRow(db: Db, workspaceId: string, id: string): Promise<AutoReplyRuleTable> {
  const row = await db
    .selectFrom('auto_reply_rules')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `auto-reply rule ${id} not found`, { id });
  return row;
}

/** The references a rule makes must be of its workspace. */
export async function checkRuleRefs(
  db: Db,
  workspaceId: string,
  refs: { accountId?: string | null | undefined; scriptId?: string | undefined },
): Promise<void> {
  if (refs.accountId) {
    const a = await db
      .selectFrom('channel_accounts')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', refs.accountId)
      .executeTakeFirst();
    if (!a) throw new AppError('NOT_FOUND', `channel account ${refs.accountId} not found`);
  }
  if (refs.scriptId) {
    const s = await db
      .selectFrom('scripts')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', refs.scriptId)
      .executeTakeFirst();
    if (!s) throw new AppError('NOT_FOUND', `script ${refs.scriptId} not found`);
  }
}
