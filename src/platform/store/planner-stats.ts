// SQLite plans with statistics from ANALYZE; without them it assumes an equality on an indexed column
// matches about ten rows. Then `workspace_id = ? AND id IN (5,000 ids)` walks the workspace's whole index
// instead of looking the ids up (131 ms instead of 5 ms per batch at 1M contacts). A workspace is a large
// share of a table, so every index led by workspace_id gets that shape as its statistics until ANALYZE
// measures the real ones; `PRAGMA optimize` refreshes those that drifted.
import type SQLite from 'better-sqlite3';

const PRIOR_ROWS = 1_000_000;
const PRIOR_PER_WORKSPACE = 100_000;

export function primePlannerStats(conn: SQLite.Database): void {
  conn.pragma('analysis_limit = 1000');
  conn.pragma('optimize = 0x10002');
  const exists = conn
    .prepare(`select 1 from sqlite_schema where type = 'table' and name = 'sqlite_stat1'`)
    .get();
  if (!exists) conn.exec('analyze sqlite_schema');
  const known = new Set(
    (conn.prepare('select idx from sqlite_stat1 where idx is not null').all() as { idx: string }[]).map(
      (r) => r.idx,
    ),
  );
  const indexes = conn
    .prepare(
      `select s.name, s.tbl_name, l."unique" as "unique" from sqlite_schema s
       join pragma_index_list(s.tbl_name) l on l.name = s.name where s.type = 'index'`,
    )
    .all() as { name: string; tbl_name: string; unique: number }[];
  const insert = conn.prepare('insert into sqlite_stat1 (tbl, idx, stat) values (?, ?, ?)');
  let primed = 0;
  for (const ix of indexes) {
    if (known.has(ix.name)) continue;
    const cols = conn.prepare(`select name from pragma_index_info(?) order by seqno`).all(ix.name) as {
      name: string;
    }[];
    if (cols[0]?.name !== 'workspace_id') continue;
    // Each further column narrows a workspace's rows a hundredfold, down to one row (a unique key's
    // full width is one row).
    const stat = [PRIOR_ROWS];
    for (let i = 0; i < cols.length; i++)
      stat.push(i === 0 ? PRIOR_PER_WORKSPACE : Math.max(1, Math.floor(stat[i]! / 100)));
    if (ix.unique && cols.length > 1) stat[cols.length] = 1;
    insert.run(ix.tbl_name, ix.name, stat.join(' '));
    primed++;
  }
  // The planner reads sqlite_stat1 when it loads the schema.
  if (primed > 0) conn.exec('analyze sqlite_schema');
}
