// In-memory audience index of ONE workspace, kept current by the store's writers so each count sees the
// latest change. Only bitmaps and compact typed columns are kept (no object per contact), so ten million
// contacts fit in well under 2 GB. Contact ids are the store's integer primary keys (uint32).
import { AppError } from '../../platform/errors.js';
import { RoaringBitmap32 } from './bitmap.js';
import type { Bitmap } from './bitmap.js';
import { DictColumn } from './dict-column.js';
import { EventColumn } from './event-column.js';
import { RangeColumn, floatBucket } from './range-column.js';
import { STRING_FIELDS } from './segment-ast.js';
import type { LabelNamespace, StringField } from './segment-ast.js';
import { DAY_MS, parseDateLiteral } from './segment-values.js';

export type AttrValue = string | number | boolean;

export interface ContactFields {
  name?: string | null;
  phone?: string | null;
  gender?: string | null;
  city?: string | null;
  birth_year?: number | null;
  source?: string | null;
  /** ISO-8601 UTC timestamp. */
  created_at: string;
  attrs?: Record<string, AttrValue | null | undefined>;
}

/** One attribute key: strings (as "s" + value) and booleans ("btrue"/"bfalse") share a dictionary. */
export interface AttrColumns {
  text: DictColumn;
  num: RangeColumn;
}

export class SegmentIndex {
  /** Live (not erased) contacts. */
  readonly universe = new RoaringBitmap32();
  readonly strings = Object.fromEntries(STRING_FIELDS.map((f) => [f, new DictColumn()])) as Record<
    StringField,
    DictColumn
  >;
  readonly birthYear = new RangeColumn(Math.floor);
  readonly createdAt = new RangeColumn((ms) => Math.floor(ms / DAY_MS));
  private readonly attrs = new Map<string, AttrColumns>();
  private readonly labels = new Map<string, Bitmap>();
  private readonly events = new Map<string, EventColumn>();

  get size(): number {
    return this.universe.size;
  }

  /** Adds or replaces a contact's fields and attributes (labels and events are kept). */
  upsertContact(id: number, fields: ContactFields): void {
    checkId(id);
    const createdAt = createdAtMs(fields.created_at);
    for (const f of STRING_FIELDS) this.strings[f].set(id, fields[f] ?? undefined);
    this.birthYear.set(id, finite(fields.birth_year));
    this.createdAt.set(id, createdAt);
    const attrs = fields.attrs ?? {};
    for (const [key, cols] of this.attrs) {
      if (attrs[key] === undefined || attrs[key] === null) {
        cols.text.set(id, undefined);
        cols.num.set(id, undefined);
      }
    }
    for (const [key, value] of Object.entries(attrs)) {
      if (value === undefined || value === null) continue;
      const cols = this.attrColumns(key);
      const num = typeof value === 'number' ? finite(value) : undefined;
      cols.num.set(id, num);
      cols.text.set(id, typeof value === 'number' ? undefined : textKey(value));
    }
    this.universe.add(id);
  }

  /**
   * Sizes the columns every contact has for ids below `size` at once, instead of growing page by page
   * (attribute columns, often sparse, grow as they fill).
   */
  reserve(size: number): void {
    for (const f of STRING_FIELDS) this.strings[f].reserve(size);
    this.birthYear.reserve(size);
    this.createdAt.reserve(size);
  }

  /** Bulk upsert (rebuilds): contacts not yet in the index are loaded column by column. */
  upsertContacts(ids: ArrayLike<number>, rows: readonly ContactFields[]): void {
    const fresh = new RoaringBitmap32();
    const strings = STRING_FIELDS.map(() => new Pending<string>());
    const birthYear = new Pending<number>();
    const createdAt = new Pending<number>();
    const attrNum = new Map<string, Pending<number>>();
    const attrText = new Map<string, Pending<string>>();
    const later: number[] = [];
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!;
      const row = rows[k]!;
      checkId(id);
      if (this.universe.has(id) || !fresh.tryAdd(id)) {
        later.push(k); // known, or repeated in this batch: applied after the bulk load, in order
        continue;
      }
      STRING_FIELDS.forEach((f, i) => strings[i]!.push(id, row[f]));
      birthYear.push(id, finite(row.birth_year));
      createdAt.push(id, createdAtMs(row.created_at));
      for (const key in row.attrs) {
        const value = row.attrs[key];
        if (value === undefined || value === null) continue;
        if (typeof value === 'number') Pending.of(attrNum, key).push(id, finite(value));
        else Pending.of(attrText, key).push(id, textKey(value));
      }
    }
    STRING_FIELDS.forEach((f, i) => this.strings[f].setMany(strings[i]!.ids, strings[i]!.values));
    this.birthYear.setMany(birthYear.ids, birthYear.values);
    this.createdAt.setMany(createdAt.ids, createdAt.values);
    for (const [key, p] of attrNum) this.attrColumns(key).num.setMany(p.ids, p.values);
    for (const [key, p] of attrText) this.attrColumns(key).text.setMany(p.ids, p.values);
    this.universe.orInPlace(fresh);
    for (const k of later) this.upsertContact(ids[k]!, rows[k]!);
  }

  /** Erasure: the contact leaves every bitmap and column, events included. */
  removeContact(id: number): void {
    this.universe.delete(id);
    for (const f of STRING_FIELDS) this.strings[f].set(id, undefined);
    this.birthYear.set(id, undefined);
    this.createdAt.set(id, undefined);
    for (const cols of this.attrs.values()) {
      cols.text.set(id, undefined);
      cols.num.set(id, undefined);
    }
    for (const ids of this.labels.values()) ids.delete(id);
    for (const events of this.events.values()) events.erase(id);
  }

  addLabel(namespace: LabelNamespace, value: string, id: number): void {
    checkId(id);
    this.labelIds(namespace, value, true).add(id);
  }

  addLabelMany(namespace: LabelNamespace, value: string, ids: ArrayLike<number>): void {
    this.labelIds(namespace, value, true).addMany(ids);
  }

  removeLabel(namespace: LabelNamespace, value: string, id: number): void {
    this.labels.get(labelKey(namespace, value))?.delete(id);
  }

  addEvent(type: string, atMs: number, id: number): void {
    checkId(id);
    if (!Number.isFinite(atMs)) throw new AppError('VALIDATION', 'event time must be epoch milliseconds');
    this.eventColumn(type).add(atMs, id);
  }

  /** Bulk variant: ats[k] is the time of contact ids[k]'s event. */
  addEvents(type: string, ats: ArrayLike<number>, ids: ArrayLike<number>): void {
    this.eventColumn(type).addMany(ats, ids);
  }

  /** Compresses runs after a bulk load. */
  runOptimize(): void {
    this.universe.runOptimize();
    for (const f of STRING_FIELDS) this.strings[f].runOptimize();
    this.birthYear.runOptimize();
    this.createdAt.runOptimize();
    for (const cols of this.attrs.values()) {
      cols.text.runOptimize();
      cols.num.runOptimize();
    }
    for (const ids of this.labels.values()) ids.runOptimize();
    for (const events of this.events.values()) events.runOptimize();
  }

  /** Contacts carrying a label (the returned bitmap must not be modified). */
  label(namespace: LabelNamespace, value: string): Bitmap {
    return this.labelIds(namespace, value, false);
  }

  attr(key: string): AttrColumns | undefined {
    return this.attrs.get(key);
  }

  eventsOf(type: string): EventColumn | undefined {
    return this.events.get(type);
  }

  private labelIds(namespace: LabelNamespace, value: string, create: boolean): Bitmap {
    const key = labelKey(namespace, value);
    let ids = this.labels.get(key);
    if (!ids) {
      ids = new RoaringBitmap32();
      if (create) this.labels.set(key, ids);
    }
    return ids;
  }

  private attrColumns(key: string): AttrColumns {
    let cols = this.attrs.get(key);
    if (!cols) {
      cols = { text: new DictColumn(), num: new RangeColumn(floatBucket) };
      this.attrs.set(key, cols);
    }
    return cols;
  }

  private eventColumn(type: string): EventColumn {
    let column = this.events.get(type);
    if (!column) {
      column = new EventColumn();
      this.events.set(type, column);
    }
    return column;
  }
}

export function textKey(value: string | boolean): string {
  return typeof value === 'boolean' ? `b${value}` : `s${value}`;
}

/** The (ids, values) of one column in a bulk load; absent values are skipped. */
class Pending<T> {
  readonly ids: number[] = [];
  readonly values: T[] = [];

  static of<T>(map: Map<string, Pending<T>>, key: string): Pending<T> {
    let pending = map.get(key);
    if (!pending) {
      pending = new Pending<T>();
      map.set(key, pending);
    }
    return pending;
  }

  push(id: number, value: T | null | undefined): void {
    if (value === undefined || value === null) return;
    this.ids.push(id);
    this.values.push(value);
  }
}

function labelKey(namespace: LabelNamespace, value: string): string {
  return `${namespace}\u0000${value}`;
}

function finite(n: number | null | undefined): number | undefined {
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

// Contacts share created_at values (an import stamps a batch alike; the demo spreads fans over a few
// hundred days): a rebuild parses each distinct one once, from a bounded cache.
const createdAtCache = new Map<string, number>();

function createdAtMs(iso: string): number {
  const known = createdAtCache.get(iso);
  if (known !== undefined) return known;
  const parsed = parseDateLiteral(iso);
  if (!parsed) throw new AppError('VALIDATION', `created_at is not an ISO date-time: ${iso}`);
  if (createdAtCache.size >= 4096) createdAtCache.clear();
  createdAtCache.set(iso, parsed.ms);
  return parsed.ms;
}

function checkId(id: number): void {
  if (!Number.isInteger(id) || id < 0 || id > 0xffffffff) {
    throw new AppError('VALIDATION', `contact id must be a uint32 integer: ${id}`);
  }
}
