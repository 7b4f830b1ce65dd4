// A segment's members as CSV (BOM first, so Excel reads 中文), streamed a page at a time.
import type { Bitmap } from '../segments/bitmap.js';
import type { Store } from '../../platform/store/open-store.js';
import { CSV_BOM, toCsvLine } from '../import/csv-writer.js';
import type { SegmentAst } from '../segments/segment-ast.js';
import { listSegmentMembers } from './list-segment-members.js';

const PAGE = 1_000;

export async function* exportSegmentCsv(
  store: Store,
  workspaceId: string,
  expr: string | SegmentAst,
  opts: { at: Date; seesPii: boolean; within?: Bitmap | undefined },
): AsyncGenerator<string> {
  let cursor: string | undefined;
  let first = true;
  do {
    // `at` stays fixed, so every page reads the same segment.
    const page = await listSegmentMembers(store, workspaceId, expr, { ...opts, cursor, limit: PAGE });
    if (first) yield CSV_BOM + toCsvLine(['external_id', 'name', 'phone', 'city', 'tags']);
    first = false;
    for (const m of page.items) yield toCsvLine([m.externalId, m.name, m.phone, m.city, m.tags.join('|')]);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
