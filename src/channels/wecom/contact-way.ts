// Acquisition on WeCom (渠道活码): `add_contact_way` makes a QR code for staff members with a `state`
// that WeCom hands back in the add_external_contact callback. The state is a short key (WeCom allows 30
// characters) to what the acquisition module put in: code, KOC, scene. Hooks run when a fan comes in.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../platform/store/database.js';
import { clientFor, type WecomConnection, type WecomEnv } from './wecom-connection.js';
import './wecom-tables.js';

export const ContactWayInput = z.strictObject({
  userids: z.array(z.string().min(1)).min(1).max(100),
  /** What the state stands for (the acquisition module's ids). */
  meta: z
    .strictObject({
      codeId: z.string().max(100).optional(),
      kocId: z.string().max(100).optional(),
      scene: z.string().max(100).optional(),
    })
    .default({}),
  /** Sent as the welcome message to fans who come through this code. */
  welcomeText: z.string().min(1).max(2000).nullable().default(null),
  skipVerify: z.boolean().default(true),
});
export type ContactWayInput = z.input<typeof ContactWayInput>;
export type ContactWayMeta = z.infer<typeof ContactWayInput>['meta'];

export async function createWecomContactWay(
  env: WecomEnv,
  conn: WecomConnection,
  raw: ContactWayInput,
): Promise<{ configId: string; qrCode: string; state: string }> {
  const input = ContactWayInput.parse(raw);
  const state = `g${randomBytes(12).toString('base64url')}`;
  const r = await clientFor(env, conn).post<{ config_id: string; qr_code?: string }>(
    '/cgi-bin/externalcontact/add_contact_way',
    {
      type: input.userids.length === 1 ? 1 : 2,
      scene: 2,
      state,
      user: input.userids,
      skip_verify: input.skipVerify,
    },
  );
  await env.store.db
    .insertInto('wecom_contact_ways')
    .values({
      config_id: r.config_id,
      connection_id: conn.id,
      state,
      qr_code: r.qr_code ?? null,
      welcome_text: input.welcomeText,
      meta: JSON.stringify(input.meta),
      created_at: env.clock.now().toISOString(),
    })
    .execute();
  return { configId: r.config_id, qrCode: r.qr_code ?? '', state };
}

export async function contactWayByState(db: Db, connectionId: string, state: string) {
  const row = await db
    .selectFrom('wecom_contact_ways')
    .selectAll()
    .where('connection_id', '=', connectionId)
    .where('state', '=', state)
    .executeTakeFirst();
  return row
    ? { configId: row.config_id, welcomeText: row.welcome_text, meta: JSON.parse(row.meta) as ContactWayMeta }
    : null;
}

export interface WecomContactAdded {
  workspaceId: string;
  contactId: number;
  accountId: string;
  userid: string;
  /** The State of the callback, and the contact way it names (null when it is not one of ours). */
  state: string | null;
  contactWay: { configId: string; meta: ContactWayMeta } | null;
  created: boolean;
  now: Date;
}

export type WecomContactAddedHook = (db: Db, event: WecomContactAdded) => Promise<void>;

const hooks: WecomContactAddedHook[] = [];

/** The acquisition module registers its attribution here; returns the function that unregisters it. */
export function onWecomContactAdded(hook: WecomContactAddedHook): () => void {
  hooks.push(hook);
  return () => {
    const i = hooks.indexOf(hook);
    if (i >= 0) hooks.splice(i, 1);
  };
}

export async function notifyWecomContactAdded(db: Db, event: WecomContactAdded): Promise<void> {
  for (const hook of [...hooks]) await hook(db, event);
}
