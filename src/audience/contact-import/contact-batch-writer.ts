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
import { matchWritten } from './match-written.js';
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
    // Per row of the batch: its contact (0: none) and what this batch did to it. Arrays by position, not
    // maps by external id: hashing 10,000 ids into maps and sets cost ~1 µs a row (2.5 s a million).
    const idAt = new Float64Array(rows.length);
    const stateAt = new Uint8Array(rows.length);
    matchWritten(rows, written, (i, w) => {
      idAt[i] = w.id;
      stateAt[i] = (sqlite ? w.id > before : w.inserted) ? CREATED : CHANGED;
    });
    const refused = new Map<string, string>();
    const rest = rows.filter((_, i) => idAt[i] === 0).map((r) => r.externalId);
    if (rest.length > 0) {
      const found = new Map<string, number>();
      for (const c of await selectExisting(trx, this.workspaceId, rest)) {
        if (c.erased_at) refused.set(c.external_id, 'was erased on request; it is not re-imported');
        else if (c.merged_into !== null)
          refused.set(c.external_id, 'was merged into another contact; import that one');
        else found.set(c.external_id, c.id);
      }
      rows.forEach((r, i) => {
        if (idAt[i] === 0) idAt[i] = found.get(r.externalId) ?? 0;
      });
    }

    const newTags = await this.ensureTags(trx, rows, now);
    const tagId = (name: string) => this.tagIds.get(name) ?? newTags.get(name)!;
    // A contact created in this batch has no tags yet: no need to ask which pairs were added.
    const toCreated = { contacts: [] as number[], tags: [] as string[] };
    const toOld = { contacts: [] as number[], tags: [] as string[] };
    const oldAt = new Map<number, number>();
    lined.forEach(({ line, row }, i) => {
      const id = idAt[i]!;
      if (id === 0) {
        const why = refused.get(row.externalId) ?? 'was not written (changed by another writer meanwhile?)';
        result.failures.push({ line, reason: `contact "${row.externalId}" ${why}` });
        return;
      }
      const into = stateAt[i] === CREATED ? toCreated : toOld;
      if (into === toOld) oldAt.set(id, i);
      for (const tag of row.tags) {
        into.contacts.push(id);
        into.tags.push(tagId(tag));
      }
    });
    const { workspaceId, addedBy } = this;
    await insertContactTagPairs(trx, workspaceId, toCreated.contacts, toCreated.tags, addedBy, now, 'new');
    const gained = await insertContactTagPairs(
      trx,
      workspaceId,
      toOld.contacts,
      toOld.tags,
      addedBy,
      now,
      'existing',
    );
    for (const id of gained) stateAt[oldAt.get(id)!] ||= CHANGED;

    for (let i = 0; i < rows.length; i++) {
      if (idAt[i] === 0) continue;
      if (stateAt[i] === CREATED) result.imported++;
      else if (stateAt[i] === CHANGED) result.updated++;
      else result.unchanged++;
      if (stateAt[i] !== UNCHANGED) result.changedIds.push(idAt[i]!);
    }
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

const UNCHANGED = 0;
const CREATED = 1;
const CHANGED = 2;

function storeMessage(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 300);
}
