// The simulator's sandbox: a fresh SQLite store in a temp folder holding a COPY of one workspace (under a
// new workspace id), where every robot account is a simulator account. Nothing the rehearsal does —
// touches, simulated replies, opt-outs, tags, runs — can reach the real store or a real channel.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { newId } from '../../platform/ids.js';
import type { Db } from '../../platform/store/database.js';
import { openStore, type Store } from '../../platform/store/open-store.js';

/** Tables copied, parents first; `via` names the parent table for tables without a workspace_id. */
const TABLES: { name: string; via?: { column: string; parent: string } }[] = [
  { name: 'contacts' },
  { name: 'tag_groups' },
  { name: 'tags' },
  { name: 'contact_tags' },
  { name: 'events' },
  { name: 'segments' },
  { name: 'material_folders' },
  { name: 'materials' },
  { name: 'scripts' },
  { name: 'script_materials', via: { column: 'script_id', parent: 'scripts' } },
  { name: 'channel_accounts' },
  { name: 'channel_contacts' },
  { name: 'channel_groups' },
  { name: 'channel_group_members', via: { column: 'group_id', parent: 'channel_groups' } },
  { name: 'guardrail_settings' },
  { name: 'suppressions' },
  { name: 'opt_outs' },
  { name: 'flows' },
  { name: 'flow_versions' },
  { name: 'flow_runs' },
  { name: 'flow_cursors' },
];

export interface Sandbox {
  store: Store;
  workspaceId: string;
  dispose(): Promise<void>;
}

export async function copyWorkspace(
  source: Store,
  workspaceId: string,
  seed: number,
  now: Date,
): Promise<Sandbox> {
  const dir = mkdtempSync(join(tmpdir(), 'guimi-simulate-'));
  const store = await openStore({ dataDir: dir });
  const dispose = async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const simId = newId('sim', now);
    const ws = await source.db
      .selectFrom('workspaces')
      .selectAll()
      .where('id', '=', workspaceId)
      .executeTakeFirstOrThrow();
    await store.db
      .insertInto('workspaces')
      .values({ ...ws, id: simId })
      .execute();
    const present = new Set((await source.db.introspection.getTables()).map((t) => t.name));
    for (const t of TABLES)
      if (present.has(t.name)) await copyTable(source.db, store.db, t, workspaceId, simId);
    // Every account becomes a simulator account whose virtual fans follow the rehearsal's seed.
    const accounts = await store.db
      .selectFrom('channel_accounts')
      .select(['id', 'kind', 'settings'])
      .execute();
    for (const a of accounts) {
      const settings = a.kind === 'simulator' ? { ...(JSON.parse(a.settings) as object), seed } : { seed };
      await store.db
        .updateTable('channel_accounts')
        .set({ kind: 'simulator', settings: JSON.stringify(settings) })
        .where('id', '=', a.id)
        .execute();
    }
    return { store, workspaceId: simId, dispose };
  } catch (e) {
    await dispose();
    throw e;
  }
}

async function copyTable(
  from: Db,
  to: Db,
  t: (typeof TABLES)[number],
  workspaceId: string,
  simId: string,
): Promise<void> {
  const table = sql.table(t.name);
  const where = t.via
    ? sql`${sql.ref(t.via.column)} in (select id from ${sql.table(t.via.parent)} where workspace_id = ${workspaceId})`
    : sql`workspace_id = ${workspaceId}`;
  let rowsPerInsert = 0;
  for (let offset = 0; ;) {
    const page = await sql<
      Record<string, unknown>
    >`select * from ${table} where ${where} order by 1 limit 5000 offset ${offset}`.execute(from);
    if (page.rows.length === 0) return;
    offset += page.rows.length;
    const rows = page.rows.map((r) => ('workspace_id' in r ? { ...r, workspace_id: simId } : r));
    rowsPerInsert ||= Math.max(1, Math.floor(30_000 / Object.keys(rows[0]!).length));
    for (let i = 0; i < rows.length; i += rowsPerInsert) {
      await (to as unknown as Db)
        .insertInto(t.name as 'contacts')
        .values(rows.slice(i, i + rowsPerInsert) as never)
        .execute();
    }
    if (page.rows.length < 5000) return;
  }
}
