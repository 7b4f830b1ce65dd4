// The suppression list: contacts no touch may reach (complaints, legal requests, staff). Audited.
import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/store/database.js';
import '../dispatch/dispatch-tables.js';

export interface Suppression {
  contactId: number;
  reason: string;
  createdBy: string;
  createdAt: string;
}

export async function listSuppressions(
  db: Db,
  workspaceId: string,
  page: { afterContactId: number; limit: number },
): Promise<Suppression[]> {
  const rows = await db
    .selectFrom('suppressions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '>', page.afterContactId)
    .orderBy('contact_id')
    .limit(page.limit)
    .execute();
  return rows.map((r) => ({
    contactId: Number(r.contact_id),
    reason: r.reason,
    createdBy: r.created_by,
    createdAt: r.created_at,
  }));
}

export async function addSuppressions(
  db: Db,
  workspaceId: string,
  input: { contactIds: number[]; reason: string },
  ctx: { actor: string; now: Date },
): Promise<{ added: number }> {
  return db.transaction().execute(async (trx) => {
    const known = await trx
      .selectFrom('contacts')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', input.contactIds)
      .execute();
    if (known.length !== new Set(input.contactIds).size) {
      const have = new Set(known.map((k) => Number(k.id)));
      const missing = input.contactIds.filter((id) => !have.has(id));
      throw new AppError('NOT_FOUND', `unknown contact id(s): ${missing.slice(0, 10).join(', ')}`, {
        missing,
      });
    }
    const r = await trx
      .insertInto('suppressions')
      .values(
        [...new Set(input.contactIds)].map((contact_id) => ({
          workspace_id: workspaceId,
          contact_id,
          reason: input.reason,
          created_by: ctx.actor,
          created_at: ctx.now.toISOString(),
        })),
      )
      .onConflict((oc) => oc.columns(['workspace_id', 'contact_id']).doNothing())
      .executeTakeFirst();
    await recordAudit(trx, {
      workspaceId,
      actor: ctx.actor,
      action: 'suppressions.add',
      details: { contactIds: input.contactIds, reason: input.reason },
      at: ctx.now,
    });
    return { added: Number(r.numInsertedOrUpdatedRows ?? 0) };
  });
}

export async function removeSuppression(
  db: Db,
  workspaceId: string,
  contactId: number,
  ctx: { actor: string; now: Date },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const r = await trx
      .deleteFrom('suppressions')
      .where('workspace_id', '=', workspaceId)
      .where('contact_id', '=', contactId)
      .executeTakeFirst();
    if (Number(r.numDeletedRows) === 0) {
      throw new AppError('NOT_FOUND', `contact ${contactId} is not suppressed`, { contactId });
    }
    await recordAudit(trx, {
      workspaceId,
      actor: ctx.actor,
      action: 'suppressions.remove',
      target: String(contactId),
      at: ctx.now,
    });
  });
}
