// Tags and tag groups as the API shows them, and the lookups the tag use-cases share.
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/store/database.js';
import '../audience-tables.js';

export interface TagView {
  id: string;
  name: string;
  groupId: string | null;
  /** Contacts that have the tag. */
  members: number;
  createdAt: string;
}

export interface TagGroupView {
  id: string;
  name: string;
  /** Tags in the group. */
  tags: number;
  createdAt: string;
}

export async function findTag(db: Db, workspaceId: string, id: string) {
  const row = await db
    .selectFrom('tags')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `tag "${id}" not found`, { tag: id });
  return row;
}

export async function findTagGroup(db: Db, workspaceId: string, id: string) {
  const row = await db
    .selectFrom('tag_groups')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `tag group "${id}" not found`, { group: id });
  return row;
}

export function nameTaken(kind: 'tag' | 'tag group', name: string): AppError {
  return new AppError('CONFLICT', `a ${kind} named "${name}" exists`, { name });
}

/** The contacts that have the tag (their segments change when it is renamed or deleted). */
export async function tagMembers(db: Db, tagId: string): Promise<number[]> {
  const rows = await db.selectFrom('contact_tags').select('contact_id').where('tag_id', '=', tagId).execute();
  return rows.map((r) => r.contact_id);
}

export async function memberCount(db: Db, tagId: string): Promise<number> {
  const r = await db
    .selectFrom('contact_tags')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('tag_id', '=', tagId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
