// The contacts of a segment as people read them: external id, name, phone (masked for roles that may
// not see personal data), city and tags, in contact id order.
import { maskPhone } from '../import/normalize-phone.js';
import type { Db } from '../../platform/store/database.js';
import '../audience-tables.js';

export interface SegmentMember {
  id: number;
  externalId: string;
  name: string | null;
  phone: string | null;
  city: string | null;
  tags: string[];
}

/** Rows of these contacts (in the given order; ones that vanished meanwhile are left out). */
export async function segmentMemberRows(db: Db, ids: readonly number[], seesPii: boolean) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('contacts')
    .select(['id', 'external_id', 'name', 'phone', 'city'])
    .where('id', 'in', ids)
    .execute();
  const tags = await db
    .selectFrom('contact_tags as ct')
    .innerJoin('tags as t', 't.id', 'ct.tag_id')
    .select(['ct.contact_id', 't.name'])
    .where('ct.contact_id', 'in', ids)
    .orderBy('t.name')
    .execute();
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  const tagsOf = new Map<number, string[]>();
  for (const t of tags) {
    const id = Number(t.contact_id);
    tagsOf.set(id, [...(tagsOf.get(id) ?? []), t.name]);
  }
  return ids.flatMap((id): SegmentMember[] => {
    const r = byId.get(id);
    if (!r) return [];
    const phone = r.phone && !seesPii ? maskPhone(r.phone) : r.phone;
    return [{ id, externalId: r.external_id, name: r.name, phone, city: r.city, tags: tagsOf.get(id) ?? [] }];
  });
}
