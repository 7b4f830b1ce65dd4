// An acquisition code (渠道活码) as the API sees it, its input, and the lookups its use-cases share.
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/store/database.js';
import type { AcquisitionCodeTable } from './acquisition-tables.js';
import './acquisition-tables.js';

export const SCENES = ['pre_sales', 'coupon', 'after_sales', 'event', 'custom'] as const;

export const CodeInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  kocId: z.string().min(1).max(100).nullable().default(null),
  scene: z.enum(SCENES),
  /** 'friend': the fan adds a robot; 'group': the fan joins a community that rotates when full. */
  kind: z.enum(['friend', 'group']).default('friend'),
  accountIds: z.array(z.string().min(1)).min(1).max(20),
  greetingScriptId: z.string().min(1).nullable().default(null),
  autoTags: z.array(z.string().trim().min(1).max(50)).max(20).default([]),
  /** Friend codes: the community to invite new fans to. Group codes: the first group (else one is created). */
  inviteGroupId: z.string().min(1).nullable().default(null),
  groupCapacity: z.number().int().min(2).max(500).default(200),
});
export type CodeInput = z.input<typeof CodeInput>;

export interface CodeView {
  id: string;
  name: string;
  kocId: string | null;
  scene: string;
  kind: string;
  accountIds: string[];
  greetingScriptId: string | null;
  autoTags: string[];
  inviteGroupId: string | null;
  groupCapacity: number;
  token: string;
  wecomState: string | null;
  qrContent: string;
  status: string;
  createdAt: string;
}

export function toCodeView(r: AcquisitionCodeTable): CodeView {
  return {
    id: r.id,
    name: r.name,
    kocId: r.koc_id,
    scene: r.scene,
    kind: r.kind,
    accountIds: JSON.parse(r.account_ids) as string[],
    greetingScriptId: r.greeting_script_id,
    autoTags: JSON.parse(r.auto_tags) as string[],
    inviteGroupId: r.invite_group_id,
    groupCapacity: r.group_capacity,
    token: r.token,
    wecomState: r.wecom_state,
    qrContent: r.qr_content,
    status: r.status,
    createdAt: r.created_at,
  };
}

export async function findCodeRow(db: Db, workspaceId: string, id: string): Promise<AcquisitionCodeTable> {
  const row = await db
    .selectFrom('acquisition_codes')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `acquisition code ${id} not found`, { id });
  return row;
}

/** The code a fan's state names: our token (simulator, Wechaty) or the WeCom contact way's state. */
export async function codeByState(
  db: Db,
  workspaceId: string,
  state: string,
): Promise<AcquisitionCodeTable | null> {
  const row = await db
    .selectFrom('acquisition_codes')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where((eb) => eb.or([eb('token', '=', state), eb('wecom_state', '=', state)]))
    .where('status', '=', 'active')
    .executeTakeFirst();
  return row ?? null;
}

/** Finds a code token inside a text (a friend request's hello, a fan's message). */
export function tokenIn(text: string): string | null {
  return /acq-[a-z_]+-[A-Za-z0-9_-]{12}/.exec(text)?.[0] ?? null;
}
