// The console's domains, in side-navigation order.
export const SECTION_IDS = [
  'overview',
  'audience',
  'koc',
  'content',
  'automation',
  'channels',
  'campaigns',
  'reports',
  'settings',
] as const;

export type SectionId = (typeof SECTION_IDS)[number];

const BUILT = ['overview', 'audience', 'koc', 'content', 'automation', 'channels', 'settings'] as const;

export type UpcomingSection = Exclude<SectionId, (typeof BUILT)[number]>;

export function isSectionId(value: string): value is SectionId {
  return (SECTION_IDS as readonly string[]).includes(value);
}

export function isUpcoming(section: SectionId): section is UpcomingSection {
  return !(BUILT as readonly string[]).includes(section);
}

export const SETTINGS_TABS = ['members', 'roles', 'tokens', 'audit'] as const;
export type SettingsTab = (typeof SETTINGS_TABS)[number];

export const AUDIENCE_TABS = ['contacts', 'import', 'tags', 'rules', 'segments'] as const;
export type AudienceTab = (typeof AUDIENCE_TABS)[number];

export const CONTENT_TABS = ['materials', 'scripts', 'sensitive'] as const;
export type ContentTab = (typeof CONTENT_TABS)[number];

export const AUTOMATION_TABS = ['flows', 'tasks', 'deliveries', 'guardrails', 'simulator'] as const;
export type AutomationTab = (typeof AUTOMATION_TABS)[number];

export const KOC_TABS = [
  'roster',
  'recruitment',
  'selection',
  'ladder',
  'communities',
  'leaders',
  'seeding',
] as const;
export type KocTab = (typeof KOC_TABS)[number];

export const CHANNEL_TABS = ['accounts', 'codes', 'auto-reply'] as const;
export type ChannelTab = (typeof CHANNEL_TABS)[number];
