// The store's table types. Each domain adds its own tables by augmenting `Database` in its store file:
//   declare module '../platform/store/database.js' { interface Database { contacts: ContactTable } }
// Conventions shared by both dialects: text ids, ISO-8601 UTC text timestamps (sortable), JSON as text,
// booleans as 0/1 integers, event times as epoch milliseconds.
import type { Kysely } from 'kysely';

export interface WorkspaceTable {
  id: string;
  slug: string;
  name: string;
  timezone: string;
  created_at: string;
}

export interface UserTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: string;
}

export interface MembershipTable {
  workspace_id: string;
  user_id: string;
  role: string;
  /** For the `koc` role: the KOC this member is (filled by the KOC program). */
  koc_id: string | null;
  created_at: string;
}

export interface SessionTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokenTable {
  id: string;
  workspace_id: string;
  name: string;
  role: string;
  prefix: string;
  secret_hash: string;
  created_by: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditLogTable {
  id: string;
  workspace_id: string | null;
  actor: string;
  action: string;
  target: string | null;
  details: string | null;
  at: string;
}

export interface Database {
  workspaces: WorkspaceTable;
  users: UserTable;
  memberships: MembershipTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  audit_log: AuditLogTable;
}

export type Db = Kysely<Database>;
export type Dialect = 'sqlite' | 'postgres';
