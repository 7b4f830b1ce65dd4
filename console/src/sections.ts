// The console's domains, in side-navigation order. Overview, audience and settings are built so far.
export const SECTION_IDS = [
  'overview',
  'audience',
  'koc',
  'content',
  'automation',
  'campaigns',
  'reports',
  'settings',
] as const;

export type SectionId = (typeof SECTION_IDS)[number];

export type UpcomingSection = Exclude<SectionId, 'overview' | 'audience' | 'settings'>;

export function isSectionId(value: string): value is SectionId {
  return (SECTION_IDS as readonly string[]).includes(value);
}

export function isUpcoming(section: SectionId): section is UpcomingSection {
  return section !== 'overview' && section !== 'audience' && section !== 'settings';
}

export const SETTINGS_TABS = ['members', 'roles', 'tokens', 'audit'] as const;
export type SettingsTab = (typeof SETTINGS_TABS)[number];

export const AUDIENCE_TABS = ['contacts', 'import', 'tags', 'rules', 'segments'] as const;
export type AudienceTab = (typeof AUDIENCE_TABS)[number];
