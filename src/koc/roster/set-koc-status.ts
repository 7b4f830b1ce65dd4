// Moves a KOC through applicant → active ⇄ paused → removed (a removed KOC may be reinstated), keeping
// who did it and why.
import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/store/database.js';
import type { KocStatus } from './koc-input.js';
import { findKoc } from './koc-view.js';
import { recordStatusChange } from './koc-writes.js';

const next: Record<KocStatus, readonly KocStatus[]> = {
  applicant: ['active', 'removed'],
  active: ['paused', 'removed'],
  paused: ['active', 'removed'],
  removed: ['active'],
};

export async function setKocStatus(
  db: Db,
  workspaceId: string,
  kocId: string,
  to: KocStatus,
  opts: { actor: string; reason?: string | null | undefined; now: Date },
): Promise<{ from: string; to: KocStatus }> {
  return db.transaction().execute(async (trx) => {
    const koc = await findKoc(trx, workspaceId, kocId);
    const from = koc.status as KocStatus;
    if (!next[from].includes(to)) {
      throw new AppError('CONFLICT', `a ${from} KOC cannot become ${to}`, { from, to, allowed: next[from] });
    }
    await trx
      .updateTable('kocs')
      .set({ status: to, updated_at: opts.now.toISOString() })
      .where('id', '=', kocId)
      .execute();
    await recordStatusChange(trx, {
      workspaceId,
      kocId,
      from,
      to,
      actor: opts.actor,
      reason: opts.reason,
      now: opts.now,
    });
    await recordAudit(trx, {
      workspaceId,
      actor: opts.actor,
      action: 'koc.status',
      target: kocId,
      details: { from, to, reason: opts.reason ?? null },
      at: opts.now,
    });
    return { from, to };
  });
}
