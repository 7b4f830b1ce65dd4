// Writes validated import rows to the store, one transaction per batch: contacts (upsert by
// external_id), their tags (merged, never removed) and the change feed. A batch the store rejects is split
// in halves until the rows it refuses are alone, so one bad row never costs the good ones around it.
// Attribute rules run on the created and changed contacts in the same transaction.
import type { Db } from '../../platform/store/database.js';
import type { ContactImportRow } from '../import/contact-row.js';
import { recordChanges } from '../record-changes.js';
import { applyAttributeRules } from '../rules/apply-attribute-rules.js';
import { ensureTags } from '../tags/ensure-tags.js';
import {
  dialectOf,
  insertContactTagPairs,
  maxContactId,
  selectExisting,
  upsertContacts,
} from './contact-upsert-sql.js';
import '../audience-tables.js';

export interface LinedRow {
  line: number;
  row: ContactImportRow;
}

export interface BatchOutcome {
  /** New contacts. */
  imported: number;
  /** Existing contacts whose fields changed or that gained a tag. */
  updated: number;
  /** Existing contacts the row did not change. */
  unchanged: number;
  failures: { line: number; reason: string }[];
  /** Contacts created or changed. */
  changedIds: number[];
}

export class ContactBatchWriter {
  /** Tag ids by name, filled only from committed transactions (a rolled-back tag must not be reused). */
  private readonly tagIds = new Map<string, string>();

  constructor(
    private readonly db: Db,
    private readonly workspaceId: string,
    private readonly addedBy = 'import',
  ) {}

  async write(rows: LinedRow[], now: Date): Promise<BatchOutcome> {
    const out: BatchOutcome = { imported: 0, updated: 0, unchanged: 0, failures: [], changedIds: [] };
    await this.writeIsolating(rows, now, out);
    return out;
  }

  private async writeIsolating(rows: LinedRow[], now: Date, out: BatchOutcome): Promise<void> {
    if (rows.length === 0) return;
    try {
      const { result, newTags } = await this.db
        .transaction()
        .execute((trx) => this.writeBatch(trx, rows, now));
      for (const [name, id] of newTags) this.tagIds.set(name, id);
      out.imported += result.imported;
      out.updated += result.updated;
      out.unchanged += result.unchanged;
      out.failures.push(...result.failures);
      for (const id of result.changedIds) out.changedIds.push(id);
    } catch (e) {
      if (rows.length === 1) {
        out.failures.push({ line: rows[0]!.line, reason: `the store refused the row: ${storeMessage(e)}` });
        return;
      }
      const half = rows.length >> 1;
      await this.writeIsolating(rows.slice(0, half), now, out);
      await this.writeIsolating(rows.slice(half), now, out);
    }
  }

  private async writeBatch(trx: Db, lined: LinedRow[], now: Date) {
    const result: BatchOutcome = { imported: 0, updated: 0, unchanged: 0, failures: [], changedIds: [] };
    const sqlite = dialectOf(trx) === 'sqlite';
    const before = sqlite ? await maxContactId(trx) : 0;
    const rows = lined.map((l) => l.row);
    // Only inserted or changed rows come back; the others are looked up after (none on a first import).
    const written = await upsertContacts(trx, this.workspaceId, rows, now);
    const ids = new Map<string, number>();
    const fresh = new Set<number>();
    for (const w of written) {
      ids.set(w.external_id, w.id);
      if (sqlite ? w.id > before : w.inserted) fresh.add(w.id);
    }
    const changed = new Set(ids.values());
    const rest = rows.filter((r) => !ids.has(r.externalId)).map((r) => r.externalId);
    const refused = new Map<string, string>();
    for (const c of rest.length > 0 ? await selectExisting(trx, this.workspaceId, rest) : []) {
      if (c.erased_at) refused.set(c.external_id, 'was erased on request; it is not re-imported');
      else if (c.merged_into !== null)
        refused.set(c.external_id, 'was merged into another contact; import that one');
      else ids.set(c.external_id, c.id);
    }

    const newTags = await this.ensureTags(trx, rows, now);
    const tagId = (name: string) => this.tagIds.get(name) ?? newTags.get(name)!;
    // A contact created in this batch has no tags yet: no need to ask which pairs were added.
    const toFresh = { contacts: [] as number[], tags: [] as string[] };
    const toOld = { contacts: [] as number[], tags: [] as string[] };
    for (const { line, row } of lined) {
      const id = ids.get(row.externalId);
      if (id === undefined) {
        const why = refused.get(row.externalId) ?? 'was not written (changed by another writer meanwhile?)';
        result.failures.push({ line, reason: `contact "${row.externalId}" ${why}` });
        continue;
      }
      const into = fresh.has(id) ? toFresh : toOld;
      for (const tag of row.tags) {
        into.contacts.push(id);
        into.tags.push(tagId(tag));
      }
    }
    const { workspaceId, addedBy } = this;
    await insertContactTagPairs(trx, workspaceId, toFresh.contacts, toFresh.tags, addedBy, now, 'new');
    for (const id of await insertContactTagPairs(
      trx,
      workspaceId,
      toOld.contacts,
      toOld.tags,
      addedBy,
      now,
      'existing',
    )) {
      changed.add(id);
    }

    for (const row of rows) {
      const id = ids.get(row.externalId);
      if (id === undefined) continue;
      if (fresh.has(id)) result.imported++;
      else if (changed.has(id)) result.updated++;
      else result.unchanged++;
    }
    result.changedIds = [...changed];
    await recordChanges(trx, workspaceId, result.changedIds, 'contact', now);
    await applyAttributeRules(trx, workspaceId, result.changedIds, now);
    return { result, newTags };
  }

  /** Ids for every tag the rows name; those not cached yet are found or created in this transaction. */
  private async ensureTags(trx: Db, rows: ContactImportRow[], now: Date): Promise<Map<string, string>> {
    const missing = new Set<string>();
    for (const row of rows) for (const tag of row.tags) if (!this.tagIds.has(tag)) missing.add(tag);
    return missing.size === 0 ? new Map() : ensureTags(trx, this.workspaceId, missing, now);
  }
}

function storeMessage(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 300);
}
