import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache.js';

describe('withStatementCache', () => {
  it('prepares a statement once, and anew while the cached one is iterating', () => {
    const conn = new SQLite(':memory:');
    conn.exec('create table t (n integer); insert into t values (1), (2), (3)');
    const db = withStatementCache(conn, 2);
    const a = db.prepare('select n from t order by n');
    expect(db.prepare('select n from t order by n')).toBe(a);
    const iter = a.iterate([]);
    iter.next();
    const b = db.prepare('select n from t order by n');
    expect(b).not.toBe(a);
    expect(b.all([])).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    iter.return?.();
    expect(db.prepare('select n from t order by n')).toBe(a);
    db.close();
  });

  it('keeps at most its capacity, dropping the least recently used', () => {
    const conn = new SQLite(':memory:');
    const db = withStatementCache(conn, 2);
    const one = db.prepare('select 1');
    db.prepare('select 2');
    expect(db.prepare('select 1')).toBe(one);
    db.prepare('select 3'); // drops "select 2"
    expect(db.prepare('select 1')).toBe(one);
    const two = db.prepare('select 2');
    expect(db.prepare('select 2')).toBe(two);
    db.close();
  });
});
