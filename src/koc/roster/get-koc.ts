// One KOC with its status history (newest first).
import type { Db } from '../../platform/store/database.js';
import { findKoc, toKocViews, type KocView } from './koc-view.js';

export interface KocDetail {
  koc: KocView;
  history: { from: string | null; to: string; actor: string; reason: string | null; at: string }[];
}

export async function getKoc(
  db: Db,
  workspaceId: string,
  kocId: string,
  seesPii: boolean,
): Promise<KocDetail> {
  const [koc] = await toKocViews(db, [await findKoc(db, workspaceId, kocId)], seesPii);
  const history = await db
    .selectFrom('koc_status_changes')
    .selectAll()
    .where('koc_id', '=', kocId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return {
    koc: koc!,
    history: history.map((h) => ({
      from: h.from_status,
      to: h.to_status,
      actor: h.actor,
      reason: h.reason,
      at: h.at,
    })),
  };
}
