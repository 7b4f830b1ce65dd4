// Shapes of the Guimi HTTP API (v1) as the console reads them.
export type Role = 'owner' | 'operator' | 'analyst' | 'koc';
export const ROLES: readonly Role[] = ['owner', 'operator', 'analyst', 'koc'];

/** Ids are opaque to the console; the store may hand out numbers or strings. */
export type Id = string | number;

export interface User {
  id: Id;
  email: string;
  name: string | null;
}

export interface Workspace {
  id: Id;
  slug: string;
  name: string;
  timezone: string;
  role: Role;
}

export interface Me {
  user: User;
  csrfToken: string;
  workspaces: Workspace[];
}

export interface LoginResult {
  user: User;
  csrfToken: string;
}

export interface Member {
  userId: Id;
  email: string;
  name: string | null;
  role: Role;
  createdAt: string;
}

export interface ApiToken {
  id: Id;
  name: string;
  role: Role;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreatedToken {
  token: ApiToken;
  secret: string;
}

export interface AuditEntry {
  id: Id;
  actor: unknown;
  action: string;
  target: unknown;
  details: unknown;
  at: string;
}

export interface ItemList<T> {
  items: T[];
}

export interface AuditPage extends ItemList<AuditEntry> {
  nextCursor: string | null;
}
