// Finds the contact a channel knows by its external id (following merges), else creates it through the
// audience use-case, and makes it reachable from the account (channel_contacts).
import { createContact } from '../../audience/contacts/create-contact.js';
import type { Db } from '../../platform/store/database.js';
import '../../audience/audience-tables.js';
import '../channel-tables.js';

const SYSTEM = { role: 'owner' as const, kocId: null };

export interface FanIdentity {
  externalId: string;
  name?: string | null | undefined;
  wechatId?: string | null | undefined;
  source: string;
}

export async function ensureFan(
  db: Db,
  workspaceId: string,
  fan: FanIdentity,
  now: Date,
): Promise<{ contactId: number; created: boolean }> {
  const found = await db
    .selectFrom('contacts')
    .select(['id', 'merged_into'])
    .where('workspace_id', '=', workspaceId)
    .where('external_id', '=', fan.externalId)
    .where('erased_at', 'is', null)
    .executeTakeFirst();
  if (found) return { contactId: Number(found.merged_into ?? found.id), created: false };
  const name = fan.name?.trim().slice(0, 100) || null;
  const view = await createContact(
    db,
    workspaceId,
    { externalId: fan.externalId, name, wechatId: fan.wechatId ?? null, source: fan.source },
    { viewer: SYSTEM, now },
  );
  return { contactId: view.id, created: true };
}

/** Records that the account reaches the contact; true when it is new. */
export async function addChannelContact(
  db: Db,
  workspaceId: string,
  accountId: string,
  contactId: number,
  now: Date,
): Promise<boolean> {
  const r = await db
    .insertInto('channel_contacts')
    .values({
      account_id: accountId,
      contact_id: contactId,
      workspace_id: workspaceId,
      added_at: now.toISOString(),
    })
    .onConflict((oc) => oc.columns(['account_id', 'contact_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}
