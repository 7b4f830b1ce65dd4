// Creates a Wechaty robot account: a personal WeChat account (`personal`: the dispatcher paces it by the
// stricter personal pacing of the guardrail settings). The puppet token is sealed, never stored plain.
import { recordAudit } from '../../platform/audit.js';
import type { Config } from '../../platform/config.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { secretBox } from '../../platform/secrets.js';
import type { Db } from '../../platform/store/database.js';
import { FriendAccept, PUPPETS, WechatySettings } from './wechaty-settings.js';
import { z } from 'zod';
import '../channel-tables.js';

export const WechatyAccountInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  puppet: z.enum(PUPPETS),
  token: z.string().min(1).max(500).optional(),
  friendAccept: FriendAccept.optional(),
});
export type WechatyAccountInput = z.input<typeof WechatyAccountInput>;

export interface WechatyAccountView {
  id: string;
  name: string;
  puppet: string;
  hasToken: boolean;
  friendAccept: WechatySettings['friendAccept'];
  createdAt: string;
}

export async function createWechatyAccount(
  db: Db,
  workspaceId: string,
  raw: WechatyAccountInput,
  ctx: { actor: string; now: Date; config?: Pick<Config, 'GUIMI_SECRET_KEY' | 'GUIMI_DATA_DIR'> | undefined },
): Promise<WechatyAccountView> {
  const input = WechatyAccountInput.parse(raw);
  if (input.puppet === 'wechaty-puppet-service' && !input.token)
    throw new AppError('VALIDATION', 'wechaty-puppet-service needs a token');
  if (input.token && !ctx.config)
    throw new AppError('CONFIG', 'sealing the token needs the secret key configuration');
  const settings = WechatySettings.parse({
    puppet: input.puppet,
    sealedToken: input.token ? secretBox(ctx.config!).seal(input.token) : null,
    ...(input.friendAccept ? { friendAccept: input.friendAccept } : {}),
  });
  const row = {
    id: newId('acc', ctx.now),
    workspace_id: workspaceId,
    kind: 'wechaty',
    name: input.name,
    personal: 1,
    settings: JSON.stringify(settings),
    created_at: ctx.now.toISOString(),
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('channel_accounts').values(row).execute();
    await recordAudit(trx, {
      workspaceId,
      actor: ctx.actor,
      action: 'wechaty.account.create',
      target: row.id,
      at: ctx.now,
    });
  });
  return {
    id: row.id,
    name: row.name,
    puppet: settings.puppet,
    hasToken: settings.sealedToken !== null,
    friendAccept: settings.friendAccept,
    createdAt: row.created_at,
  };
}
