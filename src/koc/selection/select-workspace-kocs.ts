// Selection in a workspace: each candidate KOC's followers are its fan pool (contacts.owner_koc_id) plus
// the social followers imported for it (koc_social_followers), as roaring bitmaps of contact ids; then
// the selection engine (../select) picks the KOCs that together reach the most distinct fans.
import { RoaringBitmap32 } from '../../audience/segments/bitmap.js';
import type { Bitmap } from '../../audience/segments/bitmap.js';
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/store/database.js';
import { selectKocs } from '../select/select-kocs.js';
import type { KocCandidate, Quota, SelectKocsResult } from '../select/select-kocs.js';
import '../roster/koc-tables.js';

export interface WorkspaceSelectionInput {
  k?: number | undefined;
  budget?: number | undefined;
  quotas?: Quota[] | undefined;
  /** Candidates; default every active KOC. */
  kocIds?: string[] | undefined;
  /** KOC id → cost under a budget (default 1). */
  costs?: Record<string, number> | undefined;
}

export interface WorkspaceSelection extends SelectKocsResult {
  candidates: number;
  names: Record<string, string>;
}

export async function selectWorkspaceKocs(
  db: Db,
  workspaceId: string,
  input: WorkspaceSelectionInput,
): Promise<WorkspaceSelection> {
  let q = db
    .selectFrom('kocs')
    .select(['id', 'name', 'category', 'city'])
    .where('workspace_id', '=', workspaceId);
  q = input.kocIds
    ? q.where('id', 'in', input.kocIds.length ? input.kocIds : [''])
    : q.where('status', '=', 'active');
  const kocs = await q.orderBy('id').execute();
  if (input.kocIds) {
    const known = new Set(kocs.map((k) => k.id));
    const missing = input.kocIds.filter((id) => !known.has(id));
    if (missing.length) throw new AppError('NOT_FOUND', `unknown KOC(s): ${missing.join(', ')}`, { missing });
  }
  const fans = new Map<string, number[]>(kocs.map((k) => [k.id, []]));
  const pool = await db
    .selectFrom('contacts')
    .select(['id', 'owner_koc_id'])
    .where('workspace_id', '=', workspaceId)
    .where('owner_koc_id', 'is not', null)
    .where('erased_at', 'is', null)
    .where('merged_into', 'is', null)
    .execute();
  for (const c of pool) fans.get(c.owner_koc_id!)?.push(c.id);
  const social = await db
    .selectFrom('koc_social_followers as f')
    .innerJoin('contacts as c', 'c.id', 'f.contact_id')
    .select(['f.koc_id', 'f.contact_id'])
    .where('f.workspace_id', '=', workspaceId)
    .where('c.erased_at', 'is', null)
    .where('c.merged_into', 'is', null)
    .execute();
  for (const f of social) fans.get(f.koc_id)?.push(f.contact_id);
  const candidates: KocCandidate[] = kocs.map((k) => ({
    id: k.id,
    followers: new RoaringBitmap32(fans.get(k.id)!) as Bitmap,
    cost: input.costs?.[k.id],
    category: k.category ?? undefined,
    city: k.city ?? undefined,
  }));
  const result = selectKocs({ candidates, k: input.k, budget: input.budget, quotas: input.quotas });
  const names = Object.fromEntries(
    kocs.filter((k) => result.selected.includes(k.id)).map((k) => [k.id, k.name]),
  );
  return { ...result, candidates: candidates.length, names };
}
