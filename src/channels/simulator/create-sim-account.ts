// Creates a simulator robot account (a virtual WeCom or personal WeChat account).
import { recordAudit } from '../../platform/audit.js';
import { newId } from '../../platform/ids.js';
import type { Db } from '../../platform/store/database.js';
import { SimSettings } from './sim-settings.js';
import '../channel-tables.js';

export interface SimAccountInput {
  name: string;
  /** A personal WeChat account (stricter pacing) rather than an enterprise one. */
  personal?: boolean;
  settings?: Partial<SimSettings>;
}

export interface SimAccountView {
  id: string;
  name: string;
  kind: string;
  personal: boolean;
  settings: SimSettings;
  createdAt: string;
}

export async function createSimAccount(
  db: Db,
  workspaceId: string,
  input: SimAccountInput,
  ctx: { actor: string; now: Date },
): Promise<SimAccountView> {
  const settings = SimSettings.parse(input.settings ?? {});
  const row = {
    id: newId('acc', ctx.now),
    workspace_id: workspaceId,
    kind: 'simulator',
    name: input.name,
    personal: input.personal ? 1 : 0,
    settings: JSON.stringify(settings),
    created_at: ctx.now.toISOString(),
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('channel_accounts').values(row).execute();
    await recordAudit(trx, {
      workspaceId,
      actor: ctx.actor,
      action: 'simulator.account.create',
      target: row.id,
      at: ctx.now,
    });
  });
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    personal: row.personal === 1,
    settings,
    createdAt: row.created_at,
  };
}
