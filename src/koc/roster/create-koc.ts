// Adds a KOC to the roster with its social accounts; its first status is the start of its history.
import type { z } from 'zod';
import { recordAudit } from '../../platform/audit.js';
import { newId } from '../../platform/ids.js';
import type { Db } from '../../platform/store/database.js';
import { NewKocInput } from './koc-input.js';
import { findKoc, toKocViews, type KocView } from './koc-view.js';
import {
  assertNoDuplicate,
  checkLinks,
  phoneOrThrow,
  recordStatusChange,
  writeSocials,
} from './koc-writes.js';

export async function createKoc(
  db: Db,
  workspaceId: string,
  input: NewKocInput,
  opts: { actor: string; now: Date; seesPii: boolean },
): Promise<KocView> {
  const id = await db.transaction().execute((trx) => insertKoc(trx, workspaceId, input, opts));
  const [view] = await toKocViews(db, [await findKoc(db, workspaceId, id)], opts.seesPii);
  return view!;
}

/** The insert itself, inside the caller's transaction (approving an application uses it too). */
export async function insertKoc(
  trx: Db,
  workspaceId: string,
  input: NewKocInput,
  opts: { actor: string; now: Date; reason?: string },
): Promise<string> {
  const data: z.output<typeof NewKocInput> = NewKocInput.parse(input);
  const phone = phoneOrThrow(data.phone);
  const at = opts.now.toISOString();
  const id = newId('koc', opts.now);
  await checkLinks(trx, workspaceId, data.kind, data);
  await assertNoDuplicate(trx, workspaceId, phone, data.socialAccounts);
  await trx
    .insertInto('kocs')
    .values({
      id,
      workspace_id: workspaceId,
      kind: data.kind,
      name: data.name,
      phone,
      contact_id: data.contactId ?? null,
      account_id: data.accountId ?? null,
      status: data.status,
      category: data.category ?? null,
      city: data.city ?? null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await writeSocials(trx, workspaceId, id, data.socialAccounts, opts.now);
  const change = { workspaceId, kocId: id, from: null, to: data.status, actor: opts.actor };
  await recordStatusChange(trx, { ...change, reason: opts.reason ?? null, now: opts.now });
  await recordAudit(trx, { workspaceId, actor: opts.actor, action: 'koc.create', target: id, at: opts.now });
  return id;
}
