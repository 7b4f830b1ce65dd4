// Checks and writes shared by creating and changing a KOC (and approving an application).
import { normalizePhone } from '../../audience/import/normalize-phone.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Db } from '../../platform/store/database.js';
import type { SocialAccountInput } from './koc-input.js';
import './koc-tables.js';

export function phoneOrThrow(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const p = normalizePhone(raw);
  if (!p.ok) throw new AppError('VALIDATION', `phone: ${p.reason}`, { field: 'phone' });
  return p.e164;
}

/** The contact and account a KOC links to must be the workspace's; only staff KOCs have an account. */
export async function checkLinks(
  db: Db,
  workspaceId: string,
  kind: string,
  links: { contactId?: number | null | undefined; accountId?: string | null | undefined },
): Promise<void> {
  if (links.contactId) {
    const c = await db
      .selectFrom('contacts')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', links.contactId)
      .where('erased_at', 'is', null)
      .executeTakeFirst();
    if (!c) throw new AppError('NOT_FOUND', `contact ${links.contactId} not found`, { field: 'contactId' });
  }
  if (links.accountId) {
    if (kind === 'user') {
      throw new AppError('VALIDATION', 'only employee and guide KOCs have a staff/robot account', {
        field: 'accountId',
      });
    }
    const a = await db
      .selectFrom('channel_accounts')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', links.accountId)
      .executeTakeFirst();
    if (!a) throw new AppError('NOT_FOUND', `account "${links.accountId}" not found`, { field: 'accountId' });
  }
}

/** Another KOC with this phone, or with one of these social handles, in the workspace. */
export async function findDuplicateKoc(
  db: Db,
  workspaceId: string,
  phone: string | null,
  socials: readonly Pick<SocialAccountInput, 'platform' | 'handle'>[],
  exceptKocId?: string,
): Promise<{ kocId: string; by: 'phone' | 'handle' } | null> {
  if (phone) {
    let q = db
      .selectFrom('kocs')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('phone', '=', phone)
      .where('status', '!=', 'removed');
    if (exceptKocId) q = q.where('id', '!=', exceptKocId);
    const hit = await q.executeTakeFirst();
    if (hit) return { kocId: hit.id, by: 'phone' };
  }
  for (const s of socials) {
    let q = db
      .selectFrom('koc_social_accounts')
      .select('koc_id')
      .where('workspace_id', '=', workspaceId)
      .where('platform', '=', s.platform)
      .where('handle', '=', s.handle);
    if (exceptKocId) q = q.where('koc_id', '!=', exceptKocId);
    const hit = await q.executeTakeFirst();
    if (hit) return { kocId: hit.koc_id, by: 'handle' };
  }
  return null;
}

export async function assertNoDuplicate(
  db: Db,
  workspaceId: string,
  phone: string | null,
  socials: readonly Pick<SocialAccountInput, 'platform' | 'handle'>[],
  exceptKocId?: string,
): Promise<void> {
  const dup = await findDuplicateKoc(db, workspaceId, phone, socials, exceptKocId);
  if (dup) {
    throw new AppError('CONFLICT', `a KOC with this ${dup.by} exists`, { koc: dup.kocId, field: dup.by });
  }
}

export async function writeSocials(
  db: Db,
  workspaceId: string,
  kocId: string,
  socials: readonly SocialAccountInput[],
  now: Date,
): Promise<void> {
  const keys = new Set(socials.map((s) => `${s.platform}:${s.handle}`));
  if (keys.size !== socials.length) {
    throw new AppError('VALIDATION', 'the same social account is listed twice', { field: 'socialAccounts' });
  }
  await db.deleteFrom('koc_social_accounts').where('koc_id', '=', kocId).execute();
  if (socials.length === 0) return;
  await db
    .insertInto('koc_social_accounts')
    .values(
      socials.map((s) => ({
        id: newId('ksa', now),
        workspace_id: workspaceId,
        koc_id: kocId,
        platform: s.platform,
        handle: s.handle,
        followers: s.followers,
        avg_reads: s.avgReads,
        avg_likes: s.avgLikes,
        avg_comments: s.avgComments,
        category: s.category ?? null,
        city: s.city ?? null,
      })),
    )
    .execute();
}

export async function recordStatusChange(
  db: Db,
  e: {
    workspaceId: string;
    kocId: string;
    from: string | null;
    to: string;
    actor: string;
    reason?: string | null;
    now: Date;
  },
): Promise<void> {
  await db
    .insertInto('koc_status_changes')
    .values({
      id: newId('kst', e.now),
      workspace_id: e.workspaceId,
      koc_id: e.kocId,
      from_status: e.from,
      to_status: e.to,
      actor: e.actor,
      reason: e.reason ?? null,
      at: e.now.toISOString(),
    })
    .execute();
}
