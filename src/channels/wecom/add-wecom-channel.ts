// Connects a workspace to its WeCom corp: the credentials are sealed at rest, the callback gets an
// unguessable public path. Nothing secret is returned.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { WECOM_API_BASE } from './wecom-client.js';
import { boxOf, WecomSettings, type WecomEnv } from './wecom-connection.js';
import './wecom-tables.js';

export const AddWecomInput = z.strictObject({
  corpId: z.string().trim().min(1).max(64),
  secret: z.string().trim().min(1).max(256),
  token: z.string().trim().min(1).max(64),
  // EncodingAESKey: 43 characters of base64 without the trailing '='.
  aesKey: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9+/]{43}$/, 'EncodingAESKey must be 43 base64 characters'),
  agentId: z.number().int().positive().nullable().default(null),
  apiBase: z.url({ protocol: /^https?$/ }).default(WECOM_API_BASE),
  settings: WecomSettings.partial().default({}),
});
export type AddWecomInput = z.input<typeof AddWecomInput>;

export const CALLBACK_PREFIX = '/wecom/callback/';

export async function addWecomChannel(
  env: WecomEnv,
  workspaceId: string,
  raw: AddWecomInput,
  ctx: { actor: string },
): Promise<{ id: string; callbackPath: string }> {
  const input = AddWecomInput.parse(raw);
  const now = env.clock.now();
  const box = boxOf(env);
  const id = newId('wcc', now);
  const callbackPath = `${CALLBACK_PREFIX}${randomBytes(18).toString('base64url')}`;
  const at = now.toISOString();
  await env.store.db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom('wecom_connections')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('corp_id', '=', input.corpId)
      .executeTakeFirst();
    if (taken) throw new AppError('CONFLICT', `corp ${input.corpId} is already connected`, { id: taken.id });
    await trx
      .insertInto('wecom_connections')
      .values({
        id,
        workspace_id: workspaceId,
        corp_id: input.corpId,
        agent_id: input.agentId,
        api_base: input.apiBase.replace(/\/+$/, ''),
        secret: box.seal(input.secret),
        token: box.seal(input.token),
        aes_key: box.seal(input.aesKey),
        callback_path: callbackPath,
        access_token: null,
        access_token_expires_at: null,
        settings: JSON.stringify(WecomSettings.parse(input.settings)),
        created_at: at,
        updated_at: at,
      })
      .execute();
    await recordAudit(trx, {
      workspaceId,
      actor: ctx.actor,
      action: 'channel.wecom.add',
      target: id,
      details: { corpId: input.corpId, apiBase: input.apiBase },
      at: now,
    });
  });
  return { id, callbackPath };
}
