// Validates one JSONL event record (`{"id","contact","type","at","props","source"}`) into a typed event.
import { ownString } from './import-source.js';

export const EVENT_TYPES = [
  'view',
  'read',
  'like',
  'comment',
  'share',
  'message',
  'add_friend',
  'join_group',
  'leave_group',
  'click',
  'order',
  'live_view',
  'survey_answer',
] as const;
export const SOURCE_KINDS = ['koc', 'community', 'campaign', 'content', 'channel'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export interface EventImportRow {
  id: string;
  /** The contact's external_id. */
  contactExternalId: string;
  /** A built-in type (EVENT_TYPES) or a custom one matching CUSTOM_EVENT_TYPE. */
  type: string;
  /** Epoch milliseconds. */
  at: number;
  props: Record<string, unknown>;
  source?: { kind: SourceKind; id: string };
}

export type EventCheck =
  | { row: EventImportRow; id: string; reason?: undefined }
  | { row?: undefined; id: string | undefined; reason: string };

export const CUSTOM_EVENT_TYPE = /^[a-z][a-z0-9_]{0,39}$/;
const FIELDS = new Set(['id', 'contact', 'type', 'at', 'props', 'source']);
// Date-time with a zone: a time without one would silently take the server's zone.
const ISO_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const EARLIEST = Date.UTC(2000, 0, 1);
const DAY_MS = 86_400_000;

export function validateEventRecord(record: Record<string, unknown>, nowMs: number): EventCheck {
  const problems: string[] = [];
  for (const key of Object.keys(record)) {
    if (!FIELDS.has(key))
      problems.push(`unknown field "${key}" (expected id, contact, type, at, props, source)`);
  }
  const id = idText(record.id);
  if (id === undefined) problems.push('missing id');
  const contact = idText(record.contact);
  if (contact === undefined) problems.push('missing contact (the external_id of a contact)');
  const type = record.type;
  if (typeof type !== 'string' || !CUSTOM_EVENT_TYPE.test(type)) {
    problems.push(
      `invalid type ${JSON.stringify(type ?? null)}: use ${EVENT_TYPES.join(', ')} ` +
        `or a custom type matching ${CUSTOM_EVENT_TYPE.source}`,
    );
  }
  const at = readTime(record.at, nowMs, problems);
  const props = record.props ?? {};
  if (typeof props !== 'object' || Array.isArray(props)) problems.push('props must be a JSON object');
  const source = readSource(record.source, problems);

  if (problems.length > 0 || id === undefined || contact === undefined || at === undefined) {
    return { id, reason: problems.join('; ') };
  }
  const row: EventImportRow = {
    id: ownString(id),
    contactExternalId: contact,
    type: type as string,
    at,
    props: props as Record<string, unknown>,
  };
  if (source) row.source = source;
  return { row, id };
}

/** Ids may be JSON strings or integers. */
function idText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return undefined;
}

function readTime(value: unknown, nowMs: number, problems: string[]): number | undefined {
  let ms: number;
  if (typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value))) ms = Number(value);
  else if (typeof value === 'string' && ISO_TIME.test(value)) ms = realDate(value) ? Date.parse(value) : NaN;
  else {
    problems.push(
      `invalid at ${JSON.stringify(value ?? null)}: expected an ISO time with a zone or epoch ms`,
    );
    return undefined;
  }
  if (!Number.isSafeInteger(ms)) problems.push(`invalid at ${JSON.stringify(value)}: not a valid time`);
  else if (ms < 1e11 && ms > 0)
    problems.push(`invalid at ${JSON.stringify(value)}: looks like epoch seconds, give ms`);
  else if (ms < EARLIEST) problems.push(`invalid at ${JSON.stringify(value)}: before 2000`);
  else if (ms > nowMs + DAY_MS) problems.push(`invalid at ${JSON.stringify(value)}: in the future`);
  else return ms;
  return undefined;
}

/** Date.parse rolls 2026-02-30 over to March; a typo like that should be an error. */
function realDate(iso: string): boolean {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
}

function readSource(value: unknown, problems: string[]): EventImportRow['source'] {
  if (value === undefined || value === null) return undefined;
  const { kind, id } = (typeof value === 'object' ? value : {}) as { kind?: unknown; id?: unknown };
  const sourceId = idText(id);
  if (
    typeof kind !== 'string' ||
    !(SOURCE_KINDS as readonly string[]).includes(kind) ||
    sourceId === undefined
  ) {
    problems.push(`invalid source: expected {"kind": one of ${SOURCE_KINDS.join('|')}, "id": "..."}`);
    return undefined;
  }
  return { kind: kind as SourceKind, id: sourceId };
}
