// Reviews applications one by one or in bulk. Approving creates the KOC (the drive's kind, active, with
// the applied social account, linked to the contact with the same phone if there is one); rejecting
// needs a reason. Each application is its own transaction: one failure does not undo the others.
import { recordAudit } from '../../platform/audit.js';
import { AppError, isAppError } from '../../platform/errors.js';
import type { Db } from '../../platform/store/database.js';
import { insertKoc } from '../roster/create-koc.js';
import type { KocKind } from '../roster/koc-input.js';
import type { PLATFORMS } from '../roster/koc-input.js';

export interface ReviewOutcome {
  id: string;
  ok: boolean;
  status?: string;
  kocId?: string | null;
  error?: { code: string; message: string };
}

export async function reviewApplications(
  db: Db,
  workspaceId: string,
  ids: readonly string[],
  decision: 'approve' | 'reject',
  opts: { actor: string; reason?: string | undefined; now: Date },
): Promise<ReviewOutcome[]> {
  if (decision === 'reject' && !opts.reason)
    throw new AppError('VALIDATION', 'give a reason to reject', { field: 'reason' });
  const out: ReviewOutcome[] = [];
  for (const id of new Set(ids)) {
    try {
      out.push(await reviewOne(db, workspaceId, id, decision, opts));
    } catch (e) {
      if (!isAppError(e)) throw e;
      out.push({ id, ok: false, error: { code: e.code, message: e.message } });
    }
  }
  return out;
}

async function reviewOne(
  db: Db,
  workspaceId: string,
  id: string,
  decision: 'approve' | 'reject',
  opts: { actor: string; reason?: string | undefined; now: Date },
): Promise<ReviewOutcome> {
  return db.transaction().execute(async (trx) => {
    const app = await trx
      .selectFrom('koc_applications as a')
      .innerJoin('recruitment_drives as d', 'd.id', 'a.drive_id')
      .selectAll('a')
      .select('d.kind as drive_kind')
      .where('a.workspace_id', '=', workspaceId)
      .where('a.id', '=', id)
      .executeTakeFirst();
    if (!app) throw new AppError('NOT_FOUND', `application "${id}" not found`);
    if (app.status !== 'pending') throw new AppError('CONFLICT', `the application is already ${app.status}`);
    let kocId: string | null = null;
    if (decision === 'approve') {
      const contact = await trx
        .selectFrom('contacts')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('phone', '=', app.phone)
        .where('erased_at', 'is', null)
        .where('merged_into', 'is', null)
        .executeTakeFirst();
      kocId = await insertKoc(
        trx,
        workspaceId,
        {
          kind: app.drive_kind as KocKind,
          name: app.name,
          phone: app.phone,
          contactId: contact?.id ?? null,
          status: 'active',
          category: app.category,
          city: app.city,
          socialAccounts: [
            {
              platform: app.platform as (typeof PLATFORMS)[number],
              handle: app.handle,
              followers: app.followers,
              avgReads: app.avg_reads,
              avgLikes: app.avg_likes,
              avgComments: app.avg_comments,
              category: app.category,
              city: app.city,
            },
          ],
        },
        { actor: opts.actor, now: opts.now, reason: `approved application ${id}` },
      );
    }
    const status = decision === 'approve' ? 'approved' : 'rejected';
    await trx
      .updateTable('koc_applications')
      .set({
        status,
        reason: opts.reason ?? null,
        koc_id: kocId,
        reviewed_at: opts.now.toISOString(),
        reviewed_by: opts.actor,
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      workspaceId,
      actor: opts.actor,
      action: `application.${decision}`,
      target: id,
      details: { kocId, reason: opts.reason ?? null },
      at: opts.now,
    });
    return { id, ok: true, status, kocId };
  });
}
