// A KOC as the API and CLI show it, and the lookups the roster use-cases share.
import { maskPhone } from '../../audience/import/normalize-phone.js';
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/store/database.js';
import type { KocSocialAccountTable, KocTable } from './koc-tables.js';
import './koc-tables.js';

export interface SocialAccountView {
  platform: string;
  handle: string;
  followers: number;
  avgReads: number;
  avgLikes: number;
  avgComments: number;
  /** (likes + comments) / reads per post; null without reads. */
  interactionRate: number | null;
  category: string | null;
  city: string | null;
}

export interface KocView {
  id: string;
  kind: string;
  name: string;
  phone: string | null;
  contactId: number | null;
  accountId: string | null;
  status: string;
  category: string | null;
  city: string | null;
  fans: number;
  followers: number;
  socialAccounts: SocialAccountView[];
  createdAt: string;
  updatedAt: string;
}

export function interactionRate(reads: number, likes: number, comments: number): number | null {
  return reads > 0 ? (likes + comments) / reads : null;
}

export function toSocialView(r: KocSocialAccountTable): SocialAccountView {
  return {
    platform: r.platform,
    handle: r.handle,
    followers: r.followers,
    avgReads: r.avg_reads,
    avgLikes: r.avg_likes,
    avgComments: r.avg_comments,
    interactionRate: interactionRate(r.avg_reads, r.avg_likes, r.avg_comments),
    category: r.category,
    city: r.city,
  };
}

/** Builds views for rows, with their social accounts and fan counts (a few queries for the page). */
export async function toKocViews(db: Db, rows: KocTable[], seesPii: boolean): Promise<KocView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const socials = await db.selectFrom('koc_social_accounts').selectAll().where('koc_id', 'in', ids).execute();
  const fans = await db
    .selectFrom('contacts')
    .select(['owner_koc_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('workspace_id', '=', rows[0]!.workspace_id)
    .where('owner_koc_id', 'in', ids)
    .where('erased_at', 'is', null)
    .where('merged_into', 'is', null)
    .groupBy('owner_koc_id')
    .execute();
  const fanCount = new Map(fans.map((f) => [f.owner_koc_id, Number(f.n)]));
  return rows.map((r) => {
    const mine = socials.filter((s) => s.koc_id === r.id).sort((a, b) => b.followers - a.followers);
    return {
      id: r.id,
      kind: r.kind,
      name: r.name,
      phone: r.phone === null ? null : seesPii ? r.phone : maskPhone(r.phone),
      contactId: r.contact_id,
      accountId: r.account_id,
      status: r.status,
      category: r.category,
      city: r.city,
      fans: fanCount.get(r.id) ?? 0,
      followers: mine.reduce((s, a) => s + a.followers, 0),
      socialAccounts: mine.map(toSocialView),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  });
}

export async function findKoc(db: Db, workspaceId: string, kocId: string): Promise<KocTable> {
  const row = await db
    .selectFrom('kocs')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', kocId)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `KOC "${kocId}" not found`, { koc: kocId });
  return row;
}
