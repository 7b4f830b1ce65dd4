// A contact as the API and CLI show it, with personal data masked for roles that may not see it, and the
// lookups the contact use-cases share.
import { roleSeesPii, type Role } from '../../platform/auth/roles.js';
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/store/database.js';
import type { ContactTable } from '../audience-tables.js';
import { maskPhone } from '../import/normalize-phone.js';
import '../audience-tables.js';

export type ContactRow = Omit<ContactTable, 'id'> & { id: number };
export type AttrValue = string | number | boolean;

export interface ContactView {
  id: number;
  externalId: string;
  name: string | null;
  phone: string | null;
  wechatId: string | null;
  wecomExternalUserid: string | null;
  gender: string | null;
  city: string | null;
  birthYear: number | null;
  source: string | null;
  ownerKocId: string | null;
  attrs: Record<string, AttrValue>;
  createdAt: string;
  updatedAt: string;
  mergedInto: number | null;
}

/** Who is looking: the role decides masking; a KOC sees only the contacts it owns. */
export interface Viewer {
  role: Role;
  kocId: string | null;
}

export function toContactView(row: ContactRow, viewer: Viewer): ContactView {
  const pii = roleSeesPii(viewer.role);
  return {
    id: row.id,
    externalId: row.external_id,
    name: row.name,
    phone: row.phone === null ? null : pii ? row.phone : maskPhone(row.phone),
    wechatId: pii ? row.wechat_id : null,
    wecomExternalUserid: pii ? row.wecom_external_userid : null,
    gender: row.gender,
    city: row.city,
    birthYear: row.birth_year,
    source: row.source,
    ownerKocId: row.owner_koc_id,
    attrs: JSON.parse(row.attrs) as Record<string, AttrValue>,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    mergedInto: row.merged_into,
  };
}

/** A live (not erased) contact of the workspace, visible to the viewer; merged ones are still found. */
export async function findContact(
  db: Db,
  workspaceId: string,
  id: number,
  viewer?: Viewer,
): Promise<ContactRow> {
  const row = await db
    .selectFrom('contacts')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('erased_at', 'is', null)
    .executeTakeFirst();
  if (!row || (viewer?.role === 'koc' && row.owner_koc_id !== viewer.kocId)) {
    throw new AppError('NOT_FOUND', `contact ${id} not found`, { contact: id });
  }
  return row;
}

/** As findContact, for changes: a merged contact is read-only (its survivor holds its data). */
export async function findWritableContact(db: Db, workspaceId: string, id: number): Promise<ContactRow> {
  const row = await findContact(db, workspaceId, id);
  if (row.merged_into !== null) {
    throw new AppError('CONFLICT', `contact ${id} was merged into contact ${row.merged_into}`, {
      contact: id,
      mergedInto: row.merged_into,
    });
  }
  return row;
}
