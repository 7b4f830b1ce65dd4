// One page of a segment's members (saved or ad hoc), from the audience index.
import type { Store } from '../../platform/store/open-store.js';
import { audienceIndexFor } from '../index/audience-index.js';
import type { Bitmap } from '../segments/bitmap.js';
import type { SegmentAst } from '../segments/segment-ast.js';
import { segmentMemberRows } from './segment-members.js';
import type { SegmentMember } from './segment-members.js';

export interface MemberPageOptions {
  at: Date;
  seesPii: boolean;
  cursor?: string | undefined;
  limit: number;
  /** Only these contacts (the koc role's own fans). */
  within?: Bitmap | undefined;
}

export async function listSegmentMembers(
  store: Store,
  workspaceId: string,
  expr: string | SegmentAst,
  opts: MemberPageOptions,
): Promise<{ items: SegmentMember[]; total: number; nextCursor: string | null }> {
  const page = await audienceIndexFor(store).members(workspaceId, expr, opts);
  const items = await segmentMemberRows(store.db, page.ids, opts.seesPii);
  return { items, total: page.total, nextCursor: page.nextCursor };
}
