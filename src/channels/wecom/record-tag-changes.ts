// Records Guimi tag changes for the push to WeCom (push-tag-changes.ts), inside the tag writer's
// transaction: tags created, renamed or deleted in a workspace with a WeCom connection, and tags added to
// or removed from its contacts that are WeCom customers. Changes that came FROM WeCom (a callback's
// customer tags) are written in a transaction marked with `fromWecom`, and are not recorded: no echo.
import {
  onTagCatalogChanged,
  onTagsChanged,
  type TagCatalogChange,
  type TagsChange,
} from '../../audience/tags/on-tags-changed.js';
import type { Db } from '../../platform/store/database.js';
import type { WecomTagChangeTable } from './wecom-tables.js';
import '../../audience/audience-tables.js';

const CHUNK = 1000;
const wecomOrigin = new WeakSet<Db>();

/** Marks a transaction as writing what WeCom told us: its tag changes are not pushed back. */
export function fromWecom(trx: Db): Db {
  wecomOrigin.add(trx);
  return trx;
}

type NewChange = Omit<
  WecomTagChangeTable,
  'seq' | 'state' | 'attempts' | 'due_at' | 'last_error' | 'created_at'
>;

async function connectionsOf(trx: Db, workspaceId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('wecom_connections')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .execute();
  return rows.map((r) => r.id);
}

async function insert(trx: Db, changes: NewChange[], now: Date): Promise<void> {
  const at = now.toISOString();
  const rows = changes.map((c) => ({ ...c, state: 'pending', attempts: 0, due_at: at, created_at: at }));
  for (let i = 0; i < rows.length; i += CHUNK)
    await trx
      .insertInto('wecom_tag_changes')
      .values(rows.slice(i, i + CHUNK))
      .execute();
}

export async function recordCatalogChange(trx: Db, change: TagCatalogChange): Promise<void> {
  if (wecomOrigin.has(trx)) return;
  const connections = await connectionsOf(trx, change.workspaceId);
  if (connections.length === 0) return;
  const op = { created: 'create', renamed: 'rename', deleted: 'delete' }[change.action];
  const changes: NewChange[] = [];
  for (const connection_id of connections)
    for (const tag of change.tags) {
      let wecom_tag_ids: string | null = null;
      if (op === 'delete') {
        // The mappings cascade away with the tag: keep the corp tag ids the push must delete.
        const mapped = await trx
          .selectFrom('wecom_tags')
          .select('wecom_tag_id')
          .where('connection_id', '=', connection_id)
          .where('tag_id', '=', tag.id)
          .execute();
        if (mapped.length === 0) continue;
        wecom_tag_ids = JSON.stringify(mapped.map((m) => m.wecom_tag_id));
      }
      changes.push({ connection_id, op, tag_id: tag.id, wecom_tag_ids, contact_id: null, action: null });
    }
  await insert(trx, changes, change.now);
}

export async function recordContactTagsChange(trx: Db, change: TagsChange): Promise<void> {
  if (wecomOrigin.has(trx)) return;
  const connections = await connectionsOf(trx, change.workspaceId);
  if (connections.length === 0) return;
  const action = change.action === 'added' ? 'add' : 'remove';
  for (let i = 0; i < change.contactIds.length; i += CHUNK) {
    const customers = await trx
      .selectFrom('contacts')
      .select('id')
      .where('id', 'in', change.contactIds.slice(i, i + CHUNK))
      .where('wecom_external_userid', 'is not', null)
      .execute();
    const changes = connections.flatMap((connection_id) =>
      customers.flatMap((c) =>
        change.tagIds.map((tag_id) => ({
          connection_id,
          op: 'mark',
          tag_id,
          wecom_tag_ids: null,
          contact_id: Number(c.id),
          action,
        })),
      ),
    );
    await insert(trx, changes, change.now);
  }
}

onTagCatalogChanged(recordCatalogChange);
onTagsChanged(recordContactTagsChange);
