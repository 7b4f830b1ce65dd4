// One contact's tier (passerby when not yet placed) and the history of its moves, newest first. With
// `kocId`, only a fan of that KOC is found.
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/store/database.js';
import './ladder-tables.js';
import '../../audience/audience-tables.js';

export interface ContactTierView {
  contactId: number;
  tier: string;
  since: string | null;
  rule: string | null;
  history: { from: string | null; to: string; rule: string; at: string }[];
}

export async function contactTier(
  db: Db,
  workspaceId: string,
  contactId: number,
  opts: { kocId?: string | undefined } = {},
): Promise<ContactTierView> {
  let q = db
    .selectFrom('contacts')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', contactId)
    .where('erased_at', 'is', null);
  if (opts.kocId !== undefined) q = q.where('owner_koc_id', '=', opts.kocId);
  const contact = await q.executeTakeFirst();
  if (!contact) throw new AppError('NOT_FOUND', `contact ${contactId} not found`);
  const current = await db
    .selectFrom('contact_tiers')
    .select(['tier', 'since', 'rule'])
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', contactId)
    .executeTakeFirst();
  const history = await db
    .selectFrom('tier_history')
    .select(['from_tier', 'to_tier', 'rule', 'at'])
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', contactId)
    .orderBy('seq', 'desc')
    .limit(200)
    .execute();
  return {
    contactId,
    tier: current?.tier ?? 'passerby',
    since: current?.since ?? null,
    rule: current?.rule ?? null,
    history: history.map((h) => ({ from: h.from_tier, to: h.to_tier, rule: h.rule, at: h.at })),
  };
}
