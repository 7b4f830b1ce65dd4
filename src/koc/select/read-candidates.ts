// Streams a candidates file (JSONL, one KOC a line) into follower bitmaps. Follower ids may be strings
// or integers: all go through one dictionary to dense uint32 fan numbers ("42" and 42 are one fan).
// Bad lines are collected with their line number and skipped; only an unreadable file is fatal.
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import roaring from 'roaring';
import { AppError } from '../../platform/errors.js';
import type { KocCandidate } from './select-kocs.js';

const { RoaringBitmap32 } = roaring;

export interface CandidateLineError {
  line: number;
  reason: string;
}

export interface CandidateFile {
  candidates: KocCandidate[];
  errors: CandidateLineError[];
  /** Distinct fans seen across the good lines. */
  fans: number;
}

const CANONICAL_INTEGER = /^(0|[1-9][0-9]{0,15})$/;

class FanDictionary {
  private readonly numbers = new Map<number, number>();
  private readonly strings = new Map<string, number>();

  get size(): number {
    return this.numbers.size + this.strings.size;
  }

  id(fan: string | number): number {
    // The first-character test keeps the regex off the common non-numeric ids ("u123", "wx_…").
    const code = typeof fan === 'string' ? fan.charCodeAt(0) : 0;
    if (
      code >= 48 &&
      code <= 57 &&
      CANONICAL_INTEGER.test(fan as string) &&
      Number.isSafeInteger(Number(fan))
    ) {
      fan = Number(fan);
    }
    const map: Map<string | number, number> = typeof fan === 'number' ? this.numbers : this.strings;
    let id = map.get(fan);
    if (id === undefined) {
      id = this.size;
      map.set(fan, id);
    }
    return id;
  }
}

const isFanId = (f: unknown): f is string | number =>
  (typeof f === 'string' && f.length > 0) || (Number.isSafeInteger(f) && (f as number) >= 0);

type Parsed =
  { reason: string } | { id: string; followers: (string | number)[]; extra: Partial<KocCandidate> };

function parseLine(text: string): Parsed {
  let row: unknown;
  try {
    row = JSON.parse(text);
  } catch {
    return { reason: 'invalid JSON' };
  }
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return { reason: 'not a JSON object' };
  const { id, followers, cost, category, city } = row as Record<string, unknown>;
  if (!((typeof id === 'string' && id.length > 0) || typeof id === 'number')) return { reason: 'missing id' };
  if (!Array.isArray(followers)) return { reason: 'followers is not an array' };
  const bad = followers.findIndex((f) => !isFanId(f));
  if (bad >= 0) return { reason: `followers[${bad}] is not a string or a non-negative integer` };
  const extra: Partial<KocCandidate> = {};
  if (cost !== undefined && cost !== null) {
    if (typeof cost !== 'number' || !Number.isFinite(cost) || cost < 0) {
      return { reason: 'cost must be a non-negative number' };
    }
    extra.cost = cost;
  }
  for (const [field, value] of [
    ['category', category],
    ['city', city],
  ] as const) {
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') return { reason: `${field} must be a string` };
    extra[field] = value;
  }
  return { id: String(id), followers: followers as (string | number)[], extra };
}

export async function readCandidates(path: string): Promise<CandidateFile> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    throw new AppError('IMPORT_UNREADABLE', `cannot open ${path}: ${(e as Error).message}`);
  }
  const dictionary = new FanDictionary();
  const candidates: KocCandidate[] = [];
  const errors: CandidateLineError[] = [];
  const firstLine = new Map<string, number>();
  let line = 0;
  try {
    const lines = createInterface({
      input: handle.createReadStream({ encoding: 'utf8' }),
      crlfDelay: Infinity,
    });
    for await (const text of lines) {
      line++;
      if (text.trim() === '') continue;
      const parsed = parseLine(text);
      if ('reason' in parsed) {
        errors.push({ line, reason: parsed.reason });
        continue;
      }
      const seen = firstLine.get(parsed.id);
      if (seen !== undefined) {
        errors.push({ line, reason: `duplicate id "${parsed.id}" (first on line ${seen})` });
        continue;
      }
      firstLine.set(parsed.id, line);
      const ids = new Uint32Array(parsed.followers.length);
      parsed.followers.forEach((f, i) => (ids[i] = dictionary.id(f)));
      candidates.push({ id: parsed.id, followers: new RoaringBitmap32(ids), ...parsed.extra });
    }
  } catch (e) {
    throw new AppError(
      'IMPORT_UNREADABLE',
      `cannot read ${path} (line ${line + 1}): ${(e as Error).message}`,
    );
  } finally {
    await handle.close();
  }
  return { candidates, errors, fans: dictionary.size };
}
