// Kysely's SQLite driver prepares every query anew; preparing costs as much as running a small query and
// far more for the multi-row inserts of bulk writes. Statements are kept by SQL text (least recently used
// dropped first); one still being iterated by a streaming query is busy, so a fresh one is prepared.
import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

export function withStatementCache(conn: SQLite.Database, capacity = 256): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      cache.clear();
      conn.close();
    },
    prepare: (text: string) => {
      const hit = cache.get(text);
      if (hit && !hit.busy) {
        cache.delete(text);
        cache.set(text, hit);
        return hit;
      }
      const stmt = conn.prepare(text);
      if (!hit) {
        cache.set(text, stmt);
        if (cache.size > capacity) cache.delete(cache.keys().next().value!);
      }
      return stmt;
    },
  };
}
