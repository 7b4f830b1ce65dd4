// Usage counts: dispatch calls this when a touch carrying these materials is sent.
import { sql } from 'kysely';
import type { Db } from '../../platform/store/database.js';
import '../content-tables.js';

export async function recordMaterialUse(db: Db, ids: string[], now: Date): Promise<void> {
  const distinct = [...new Set(ids)];
  if (distinct.length === 0) return;
  await db
    .updateTable('materials')
    .set({ use_count: sql<number>`use_count + 1`, last_used_at: now.toISOString() })
    .where('id', 'in', distinct)
    .execute();
}
