// Roles and what they may do. `koc` is restricted to its own fans, tasks and figures (scoped by the
// KOC program's routes through `kocId`).
export const roles = ['owner', 'operator', 'analyst', 'koc'] as const;
export type Role = (typeof roles)[number];

/** read: see workspace data; write: change domain data; manage: members, tokens, audit, settings. */
export type Permission = 'read' | 'write' | 'manage';

const grants: Record<Role, readonly Permission[]> = {
  owner: ['read', 'write', 'manage'],
  operator: ['read', 'write'],
  analyst: ['read'],
  koc: ['read'],
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
