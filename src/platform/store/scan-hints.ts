// Reading a list of contacts' events: SQLite would answer `workspace_id = ? AND type = ? AND contact_id IN
// (5,000 ids)` from the (workspace, type, at) index and read every event of the window for each chunk of
// ids. Compared as an expression, a column only filters rows and never picks the index, so the contacts'
// own entries in the (week, contact_id, at) index are read instead; PostgreSQL plans by its statistics
// either way.
import { sql, type RawBuilder } from 'kysely';

/** A text column as an expression no index answers: `.where(filterOnly('type'), '=', t)`. */
export function filterOnly(column: string): RawBuilder<string> {
  return sql<string>`(${sql.ref(column)} || '')`;
}
