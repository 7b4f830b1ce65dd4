// Deleting a material: refused while a script attaches it or a card shows it; a material already sent
// (used) is only hidden, so past touches and flows still resolve it; an unused one goes for good, with
// its file once no other material (of any workspace) has the same bytes.
import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/store/database.js';
import { removeFile } from './file-store.js';
import { findMaterialRow } from './material-view.js';

export async function deleteMaterial(
  db: Db,
  workspaceId: string,
  id: string,
  ctx: { actor: string; now: Date; dataDir: string },
): Promise<{ deleted: 'hidden' | 'removed' }> {
  const { orphan, deleted } = await db.transaction().execute(async (trx) => {
    const row = await findMaterialRow(trx, workspaceId, id);
    const scripts = await trx
      .selectFrom('script_materials as sm')
      .innerJoin('scripts as s', 's.id', 'sm.script_id')
      .select(['s.id', 's.name'])
      .where('sm.material_id', '=', id)
      .execute();
    // Ids are random enough that a substring match on the JSON finds exactly the cards naming it.
    const cards = await trx
      .selectFrom('materials')
      .select(['id', 'title'])
      .where('workspace_id', '=', workspaceId)
      .where('deleted_at', 'is', null)
      .where('data', 'like', `%"${id}"%`)
      .execute();
    if (scripts.length || cards.length) {
      throw new AppError(
        'CONFLICT',
        `material ${id} is in use: remove it from those scripts and cards first`,
        {
          scripts,
          cards,
        },
      );
    }
    const deleted: 'hidden' | 'removed' = Number(row.use_count) > 0 ? 'hidden' : 'removed';
    if (deleted === 'hidden') {
      await trx
        .updateTable('materials')
        .set({ deleted_at: ctx.now.toISOString() })
        .where('id', '=', id)
        .execute();
    } else {
      await trx.deleteFrom('materials').where('id', '=', id).execute();
    }
    await recordAudit(trx, {
      workspaceId,
      actor: ctx.actor,
      action: 'material.delete',
      target: id,
      details: { title: row.title, deleted },
      at: ctx.now,
    });
    const sha = deleted === 'removed' ? row.file_sha256 : null;
    const shared = sha
      ? await trx
          .selectFrom('materials')
          .select('id')
          .where('file_sha256', '=', sha)
          .limit(1)
          .executeTakeFirst()
      : undefined;
    return { orphan: sha && !shared ? sha : null, deleted };
  });
  // After the commit: a failed transaction must not lose the bytes.
  if (orphan) await removeFile(ctx.dataDir, orphan);
  return { deleted };
}
