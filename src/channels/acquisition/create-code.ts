// Creates an acquisition code for a KOC and scene. Its token (≤ 30 characters, naming the scene) is the
// state fans bring back on the simulator and Wechaty; on WeCom the colleague's `createWecomContactWay`
// makes the real 渠道活码 with its own state, which we keep beside the code to resolve callbacks.
import { randomBytes } from 'node:crypto';
import { findScriptRow } from '../../content/scripts/script-view.js';
import { findKoc } from '../../koc/roster/koc-view.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { createWecomContactWay } from '../wecom/contact-way.js';
import { staffOf } from '../wecom/wecom-staff.js';
import { workspaceConnection, type WecomEnv } from '../wecom/wecom-connection.js';
import { renderScript } from '../../content/render-template.js';
import { CodeInput, toCodeView, type CodeView } from './code-view.js';
import '../channel-tables.js';

export type AcquisitionEnv = Omit<WecomEnv, 'config'> & { config?: WecomEnv['config'] | undefined };

export async function createAcquisitionCode(
  env: AcquisitionEnv,
  workspaceId: string,
  raw: CodeInput,
  actor: string,
): Promise<CodeView> {
  const input = CodeInput.parse(raw);
  const { db } = env.store;
  const now = env.clock.now();
  const accounts = await db
    .selectFrom('channel_accounts')
    .select(['id', 'kind'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', input.accountIds)
    .execute();
  const missing = input.accountIds.filter((id) => !accounts.some((a) => a.id === id));
  if (missing.length > 0)
    throw new AppError('NOT_FOUND', `unknown channel account(s): ${missing.join(', ')}`, { missing });
  const koc = input.kocId ? await findKoc(db, workspaceId, input.kocId) : null;
  if (koc?.status === 'removed')
    throw new AppError('CONFLICT', 'a removed KOC cannot get a code', { koc: koc.id });
  const script = input.greetingScriptId ? await findScriptRow(db, workspaceId, input.greetingScriptId) : null;
  if (input.inviteGroupId) {
    const g = await db
      .selectFrom('channel_groups')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', input.inviteGroupId)
      .executeTakeFirst();
    if (!g) throw new AppError('NOT_FOUND', `channel group ${input.inviteGroupId} not found`);
  }
  const id = newId('acq', now);
  const token = `acq-${input.scene}-${randomBytes(9).toString('base64url')}`;
  let wecom: { configId: string; qrCode: string; state: string } | null = null;
  const wecomAccounts = accounts.filter((a) => a.kind === 'wecom');
  if (wecomAccounts.length > 0) {
    if (!env.config) throw new AppError('CONFIG', 'WeCom codes need the server configuration (secret key)');
    const wenv: WecomEnv = { ...env, config: env.config };
    const userids: string[] = [];
    for (const a of wecomAccounts) {
      const staff = await staffOf(db, a.id);
      if (staff) userids.push(staff.userid);
    }
    const conn = await workspaceConnection(wenv, workspaceId);
    // The welcome goes through WeCom's send_welcome_msg within 20 s of the callback: rendered now.
    const welcomeText = script ? renderScript(script.body, { koc: { name: koc?.name } }).text : null;
    wecom = await createWecomContactWay(wenv, conn, {
      userids,
      meta: { codeId: id, scene: input.scene, ...(input.kocId ? { kocId: input.kocId } : {}) },
      welcomeText,
    });
  }
  const row = {
    id,
    workspace_id: workspaceId,
    name: input.name,
    koc_id: input.kocId,
    scene: input.scene,
    kind: input.kind,
    account_ids: JSON.stringify(input.accountIds),
    greeting_script_id: input.greetingScriptId,
    auto_tags: JSON.stringify(input.autoTags),
    invite_group_id: input.inviteGroupId,
    group_capacity: input.groupCapacity,
    token,
    wecom_state: wecom?.state ?? null,
    wecom_config_id: wecom?.configId ?? null,
    // WeCom: the contact way's QR link. Elsewhere the token itself: the fan sends it (or puts it in the
    // friend request's hello text) after scanning.
    qr_content: wecom?.qrCode || token,
    scans: 0,
    status: 'active',
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('acquisition_codes').values(row).execute();
    if (input.inviteGroupId)
      await trx
        .insertInto('acquisition_code_groups')
        .values({ code_id: id, group_id: input.inviteGroupId, position: 1, created_at: row.created_at })
        .execute();
    await recordAudit(trx, { workspaceId, actor, action: 'acquisition.code.create', target: id, at: now });
  });
  return toCodeView(row);
}
