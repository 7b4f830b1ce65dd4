// What each role may do in the console, mirroring the server's grants: only owners hold `manage`
// (members, tokens, audit). The server enforces it; this only hides what a role cannot use.
import type { Role } from './types.js';
import { SECTION_IDS, type SectionId, type SettingsTab } from './sections.js';

export function canManage(role: Role): boolean {
  return role === 'owner';
}

/** Owners and operators change domain data (the server's `write`); analysts and KOCs only read. */
export function canWrite(role: Role): boolean {
  return role === 'owner' || role === 'operator';
}

export function visibleSettingsTabs(role: Role): SettingsTab[] {
  return canManage(role) ? ['members', 'roles', 'tokens', 'audit'] : ['roles'];
}

/** A KOC's login reaches only its own page (and its role in settings); the server answers 403 elsewhere. */
export function visibleSections(role: Role): readonly SectionId[] {
  return role === 'koc' ? ['overview', 'koc', 'settings'] : SECTION_IDS;
}
