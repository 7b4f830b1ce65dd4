// Roles and what they may do. `koc` holds only `read:own`: it reaches no route guarded with `read`, and
// every `read:own` route narrows what it answers with kocScope() (its own fans, tasks and figures).
export const roles = ['owner', 'operator', 'analyst', 'koc'] as const;
export type Role = (typeof roles)[number];

/**
 * read:own: see the caller's share of the workspace — all of it for staff roles, the linked KOC's own fans,
 * tasks and figures for the koc role (the route must narrow with kocScope()); read: see the whole
 * workspace's data and settings; write: change domain data; manage: members, tokens, audit, settings.
 */
export type Permission = 'read:own' | 'read' | 'write' | 'manage';

const grants: Record<Role, readonly Permission[]> = {
  owner: ['read:own', 'read', 'write', 'manage'],
  operator: ['read:own', 'read', 'write'],
  analyst: ['read:own', 'read'],
  koc: ['read:own'],
};

export function roleAllows(role: Role, permission: Permission): boolean {
  return grants[role].includes(permission);
}

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** Whether a role may see personal data (phone numbers, WeChat ids) unmasked. */
export function roleSeesPii(role: Role): boolean {
  return role === 'owner' || role === 'operator';
}
